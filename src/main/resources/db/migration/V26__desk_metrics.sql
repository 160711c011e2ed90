-- The desk's figures, kept up to date from the audit trail itself: every ticket event, as it is stored, folds
-- into one row per ticket (ticket_timeline) and, when the status or the deadline changes, a span of time in one
-- status with one deadline (ticket_span). Both are what the events say and nothing else: desk_metrics_fold is
-- the definition, run by the trigger for each new event and once here over every event stored before, and a
-- test recomputes every figure from the raw events. Counts and dates only: no text, no contact.

-- One row per ticket. Work and review are counted until the first publication (corrections are their own
-- figure); the fact-checker is who last submitted it before that publication.
CREATE TABLE ticket_timeline (
    ticket_id           bigint PRIMARY KEY REFERENCES ticket (id),
    opened_at           timestamptz NOT NULL,
    status              text NOT NULL,
    status_since        timestamptz NOT NULL,
    deadline            timestamptz,
    first_claimed_at    timestamptz,
    in_progress_seconds double precision NOT NULL DEFAULT 0,
    review_seconds      double precision NOT NULL DEFAULT 0,
    sent_back           integer NOT NULL DEFAULT 0,
    approved_at         timestamptz,
    checker             text,
    first_published_at  timestamptz,
    corrected_at        timestamptz,
    retracted_at        timestamptz
);
CREATE INDEX ticket_timeline_claimed ON ticket_timeline (first_claimed_at) WHERE first_claimed_at IS NOT NULL;
CREATE INDEX ticket_timeline_published ON ticket_timeline (first_published_at) WHERE first_published_at IS NOT NULL;

-- A ticket's time in one status with one deadline: [started_at, ended_at), ended_at null while it lasts.
CREATE TABLE ticket_span (
    ticket_id  bigint NOT NULL REFERENCES ticket (id),
    status     text NOT NULL,
    deadline   timestamptz,
    started_at timestamptz NOT NULL,
    ended_at   timestamptz
);
CREATE INDEX ticket_span_current ON ticket_span (ticket_id) WHERE ended_at IS NULL;
-- The backlog over a period reads only the spans of work not yet out that end in it or go on: few, whatever the history.
CREATE INDEX ticket_span_backlog_ended ON ticket_span (ended_at)
    WHERE ended_at IS NOT NULL AND status IN ('OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED');
CREATE INDEX ticket_span_backlog_now ON ticket_span (started_at)
    WHERE ended_at IS NULL AND status IN ('OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED');

CREATE FUNCTION desk_metrics_fold(e audit_event) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t ticket_timeline;
    new_status text;
    new_deadline timestamptz;
BEGIN
    IF e.action = 'ticket.opened' THEN
        new_deadline := (e.changes ->> 'deadline')::timestamptz;
        INSERT INTO ticket_timeline (ticket_id, opened_at, status, status_since, deadline)
        VALUES (e.ticket_id, e.occurred_at, e.to_status, e.occurred_at, new_deadline);
        INSERT INTO ticket_span (ticket_id, status, deadline, started_at) VALUES (e.ticket_id, e.to_status, new_deadline, e.occurred_at);
        RETURN;
    END IF;
    SELECT * INTO t FROM ticket_timeline WHERE ticket_id = e.ticket_id;
    IF NOT FOUND THEN
        RETURN; -- a ticket whose opening is not in the trail (none is; kept safe)
    END IF;
    new_status := coalesce(e.to_status, t.status);
    new_deadline := CASE WHEN e.action = 'ticket.triaged' AND e.changes ? 'deadline'
                         THEN (e.changes -> 'deadline' ->> 'after')::timestamptz ELSE t.deadline END;
    UPDATE ticket_timeline SET
        status = new_status,
        status_since = CASE WHEN new_status <> t.status THEN e.occurred_at ELSE t.status_since END,
        deadline = new_deadline,
        first_claimed_at = coalesce(t.first_claimed_at, CASE WHEN new_status = 'IN_PROGRESS' THEN e.occurred_at END),
        in_progress_seconds = t.in_progress_seconds + CASE WHEN new_status <> t.status AND t.status = 'IN_PROGRESS'
            AND t.first_published_at IS NULL THEN extract(epoch FROM e.occurred_at - t.status_since) ELSE 0 END,
        review_seconds = t.review_seconds + CASE WHEN new_status <> t.status AND t.status = 'IN_REVIEW'
            AND t.first_published_at IS NULL THEN extract(epoch FROM e.occurred_at - t.status_since) ELSE 0 END,
        sent_back = t.sent_back + CASE WHEN e.action = 'ticket.request-changes' AND t.first_published_at IS NULL THEN 1 ELSE 0 END,
        approved_at = CASE WHEN e.action = 'ticket.approve' AND t.first_published_at IS NULL THEN e.occurred_at ELSE t.approved_at END,
        checker = CASE WHEN e.action = 'ticket.submit' AND t.first_published_at IS NULL THEN e.actor ELSE t.checker END,
        first_published_at = coalesce(t.first_published_at, CASE WHEN e.action = 'ticket.publish' THEN e.occurred_at END),
        corrected_at = coalesce(t.corrected_at, CASE WHEN e.action = 'ticket.publish' AND t.first_published_at IS NOT NULL
            THEN e.occurred_at END),
        retracted_at = coalesce(t.retracted_at, CASE WHEN e.action = 'ticket.retract' THEN e.occurred_at END)
    WHERE ticket_id = e.ticket_id;
    IF new_status <> t.status OR new_deadline IS DISTINCT FROM t.deadline THEN
        UPDATE ticket_span SET ended_at = e.occurred_at WHERE ticket_id = e.ticket_id AND ended_at IS NULL;
        INSERT INTO ticket_span (ticket_id, status, deadline, started_at) VALUES (e.ticket_id, new_status, new_deadline, e.occurred_at);
    END IF;
END $$;

CREATE FUNCTION desk_metrics_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM desk_metrics_fold(NEW);
    RETURN NULL;
END $$;

CREATE TRIGGER desk_metrics AFTER INSERT ON audit_event
    FOR EACH ROW WHEN (NEW.ticket_id IS NOT NULL) EXECUTE FUNCTION desk_metrics_on_event();

-- Every event stored before, in each ticket's order.
DO $$
DECLARE
    e audit_event;
BEGIN
    FOR e IN SELECT * FROM audit_event WHERE ticket_id IS NOT NULL ORDER BY ticket_id, seq LOOP
        PERFORM desk_metrics_fold(e);
    END LOOP;
END $$;
