-- Scheduled publications that failed (issue 13): each is retried with backoff and skipped until its
-- next attempt, so that it never blocks the publications due after it; after 3 failures editors
-- see it with its error. One row per ticket, for the schedule it failed at (publish_at): a row
-- whose publish_at is no longer the ticket's (rescheduled, cancelled, published) no longer applies.
CREATE TABLE scheduled_publication_attempt (
    ticket_id        bigint PRIMARY KEY REFERENCES ticket (id),
    publish_at       timestamptz NOT NULL,
    failures         int NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text NOT NULL,
    last_failed_at   timestamptz NOT NULL
);
