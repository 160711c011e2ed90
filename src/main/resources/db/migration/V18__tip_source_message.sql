-- A channel may hand the same tip over more than once: a partner retries a POST whose answer it did not
-- get (same webhook-id), the mailbox reader stops between storing a mail's tip and moving the mail away
-- (same Message-ID). The SHA-256 of that message id, unique per channel, makes the second one find the
-- first instead of storing a tip again. A hash, since a Message-ID often holds the sender's domain.
ALTER TABLE tip ADD COLUMN source_message bytea CHECK (octet_length(source_message) = 32);
CREATE UNIQUE INDEX tip_source_message ON tip (channel, source_message) WHERE source_message IS NOT NULL;
