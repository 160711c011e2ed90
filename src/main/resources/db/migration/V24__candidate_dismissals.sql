-- An editor may dismiss a candidate claim: it leaves the article's candidates, and it stays among the desk's past
-- decisions, with its meaning (the embedding, written under the same advisory lock and sequence as the
-- others), so that later candidates can show the most similar ones the desk accepted or dismissed.
ALTER TABLE article_sentence ADD COLUMN dismissed_at timestamptz, ADD COLUMN dismissed_by text,
    ADD COLUMN embedding bytea, ADD COLUMN embedding_seq bigint;
CREATE INDEX article_sentence_embedding_seq ON article_sentence (embedding_seq) WHERE embedding_seq IS NOT NULL;
