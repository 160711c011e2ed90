-- The figures of each whole day gone by, kept once computed (DeskMetrics): a year's dashboard then reads 366 rows
-- instead of every ticket of the year. A day's row says what the trail said when it was computed, so anything
-- that changes a figure of a day gone by forgets that day's rows (all scopes), and the next reader computes them
-- again: the fold for events on tickets first published (corrections, retractions) or claimed (the submitter,
-- whose own figures count them) before, and the tips asked about a published claim. Today's and later days are
-- never kept.
CREATE TABLE desk_metrics_day (
    zone    text NOT NULL,
    day     date NOT NULL,
    person  text NOT NULL,          -- '' for the desk's figures
    span    tstzrange NOT NULL,     -- the day's instants in that zone
    figures json NOT NULL,          -- DayFigures
    PRIMARY KEY (zone, day, person)
);
CREATE INDEX desk_metrics_day_span ON desk_metrics_day USING gist (span);

-- Forgetting takes this lock shared; DeskMetrics takes it exclusive (without waiting: desk_metrics_try_keep) while
-- it computes and keeps days, so a day computed before a change that forgets it is never kept after
-- ("DESKMETR" in ASCII).
CREATE FUNCTION desk_metrics_try_keep() RETURNS boolean LANGUAGE sql AS $$
    SELECT pg_try_advisory_xact_lock(4919429750856176722)
$$;

CREATE FUNCTION desk_metrics_forget(at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF at IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock_shared(4919429750856176722);
        DELETE FROM desk_metrics_day WHERE span @> at;
    END IF;
END $$;

CREATE OR REPLACE FUNCTION desk_metrics_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    t ticket_timeline;
BEGIN
    SELECT * INTO t FROM ticket_timeline WHERE ticket_id = NEW.ticket_id;
    PERFORM desk_metrics_fold(NEW);
    IF FOUND AND t.first_published_at IS NOT NULL THEN
        PERFORM desk_metrics_forget(t.first_published_at);
    END IF;
    IF FOUND AND NEW.action = 'ticket.submit' THEN
        PERFORM desk_metrics_forget(t.first_claimed_at);
    END IF;
    RETURN NULL;
END $$;

-- Tips per published fact-check: a group's count or claim changes the day its claim's ticket was first published.
CREATE FUNCTION desk_metrics_on_tips() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    published timestamptz;
BEGIN
    FOR published IN
        SELECT tl.first_published_at FROM ticket k JOIN ticket_timeline tl ON tl.ticket_id = k.id
        WHERE k.claim_id IN (NEW.claim_id, OLD.claim_id) AND tl.first_published_at IS NOT NULL
    LOOP
        PERFORM desk_metrics_forget(published);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER desk_metrics_tips AFTER INSERT OR UPDATE OF tip_count, claim_id OR DELETE ON tip_group
    FOR EACH ROW EXECUTE FUNCTION desk_metrics_on_tips();

-- The backlog of any few days reads only the spans of unfinished work alive in them (at the end of a day after
-- they began, not after they ended), however long the history: one index instead of V26's two.
CREATE INDEX ticket_span_backlog_alive ON ticket_span USING gist (tstzrange(started_at, CASE WHEN ended_at < started_at THEN started_at ELSE ended_at END, '(]'))
    WHERE status IN ('OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED');
DROP INDEX ticket_span_backlog_ended;
DROP INDEX ticket_span_backlog_now;

-- A day's first answers to the public: the answers sent that day, each checked against the tip's earlier ones.
CREATE INDEX tip_answer_sent ON tip_answer (sent_at) WHERE state = 'SENT';
