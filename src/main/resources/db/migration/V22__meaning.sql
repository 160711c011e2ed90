-- What claims and other fact-checkers' reviews mean: a sentence embedding (all-MiniLM-L6-v2, 384 float32,
-- little-endian) computed by the server after the text is stored, so that similar-claim search matches
-- rewordings. embedding_seq orders the writes, so that each replica's in-memory index reads only what is
-- new; a changed text clears its embedding in the same statement (the trigger), so a stale meaning is
-- never matched, and the server embeds it again.
CREATE SEQUENCE meaning_seq;

ALTER TABLE claim ADD COLUMN embedding bytea, ADD COLUMN embedding_seq bigint;
ALTER TABLE prior_review ADD COLUMN embedding bytea, ADD COLUMN embedding_seq bigint;
CREATE INDEX claim_embedding_seq ON claim (embedding_seq);
CREATE INDEX claim_unembedded ON claim (id) WHERE embedding IS NULL;
CREATE INDEX prior_review_embedding_seq ON prior_review (embedding_seq);
CREATE INDEX prior_review_unembedded ON prior_review (id) WHERE embedding IS NULL;

CREATE FUNCTION claim_text_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.embedding := NULL;
    NEW.embedding_seq := NULL;
    RETURN NEW;
END $$;

CREATE TRIGGER claim_text_changed BEFORE UPDATE OF text ON claim
    FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION claim_text_changed();
CREATE TRIGGER prior_review_text_changed BEFORE UPDATE OF claim_text ON prior_review
    FOR EACH ROW WHEN (OLD.claim_text IS DISTINCT FROM NEW.claim_text) EXECUTE FUNCTION claim_text_changed();
