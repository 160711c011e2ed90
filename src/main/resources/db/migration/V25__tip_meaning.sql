-- What tips mean (the sentence embedding of V22), so that a tip worded differently joins the group that asks the
-- same thing: each tip's own, and its group's (its first tip's, what the group is matched by). Written when the
-- tip comes in, under the tips' grouping lock, so that embedding_seq follows commit order for every replica's
-- index; none for text in a language the model does not read. Groups begun before this version are matched by
-- their words only, as they were.
ALTER TABLE tip ADD COLUMN embedding bytea;
ALTER TABLE tip_group ADD COLUMN embedding bytea, ADD COLUMN embedding_seq bigint;
CREATE INDEX tip_group_embedding_seq ON tip_group (embedding_seq) WHERE embedding_seq IS NOT NULL;
