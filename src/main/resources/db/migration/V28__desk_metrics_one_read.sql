-- One read of a ticket's timeline per audit event: the fold returns the row as it was before the event (NULL for an
-- opening), and the trigger forgets the kept days from it instead of reading the row a second time (V27 did).
DROP FUNCTION desk_metrics_fold(audit_event);

CREATE FUNCTION desk_metrics_fold(e audit_event) RETURNS ticket_timeline LANGUAGE plpgsql AS $$
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
        RETURN NULL;
    END IF;
    SELECT * INTO t FROM ticket_timeline WHERE ticket_id = e.ticket_id;
    IF NOT FOUND THEN
        RETURN NULL; -- a ticket whose opening is not in the trail (none is; kept safe)
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
    RETURN t;
END $$;

CREATE OR REPLACE FUNCTION desk_metrics_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    t ticket_timeline;
BEGIN
    t := desk_metrics_fold(NEW);
    PERFORM desk_metrics_forget(t.first_published_at);
    IF NEW.action = 'ticket.submit' THEN
        PERFORM desk_metrics_forget(t.first_claimed_at);
    END IF;
    RETURN NULL;
END $$;
