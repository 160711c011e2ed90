-- The public feeds' version in one row, moved by the changes that alter a published entry, so that answering
-- "has the feed changed?" reads one row instead of counting every published ticket (FeedService.version ran
-- count(*) over the published tickets on each request: ~100 ms at a million tickets).
-- `changes` moves with each change, even one whose time sorts before the latest (two publications committing out
-- of order), which is what the count caught; `changed_at` is the latest public time seen (the Last-Modified).
-- Updating one row serializes the transactions that change the feed; they are few (publications, corrections,
-- retractions, erasures of a published claimant or of a preserved copy).
CREATE TABLE feed_version (
    id          int PRIMARY KEY CHECK (id = 1),
    changes     bigint NOT NULL,
    changed_at  timestamptz NOT NULL
);
INSERT INTO feed_version
SELECT 1, (SELECT count(*) FROM ticket WHERE public_updated_at IS NOT NULL),
       greatest('epoch'::timestamptz, (SELECT max(public_updated_at) FROM ticket),
                (SELECT max(e.erased_at) FROM erasure e JOIN ticket t ON t.claim_id = e.target_id
                 WHERE e.kind = 'claimant' AND t.public_updated_at IS NOT NULL),
                (SELECT max(erased_at) FROM erasure WHERE kind = 'capture'));

-- The notification reaches every replica at commit: each keeps the version in memory while it hears them
-- (FeedVersions), so that readers of an unchanged feed cost no database round trip.
CREATE FUNCTION feed_version_move(at timestamptz) RETURNS void LANGUAGE sql AS $$
    UPDATE feed_version SET changes = changes + 1, changed_at = greatest(changed_at, at) WHERE id = 1;
    SELECT pg_notify('feed_version', '');
$$;

CREATE FUNCTION feed_version_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM feed_version_move(coalesce(CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.public_updated_at END, now()));
    RETURN NULL;
END $$;

-- Row triggers with WHEN: a claim, a release or any other change that leaves the public time alone fires nothing.
CREATE TRIGGER feed_version_published AFTER INSERT ON ticket
    FOR EACH ROW WHEN (NEW.public_updated_at IS NOT NULL) EXECUTE FUNCTION feed_version_ticket();
CREATE TRIGGER feed_version_republished AFTER UPDATE OF public_updated_at ON ticket
    FOR EACH ROW WHEN (OLD.public_updated_at IS DISTINCT FROM NEW.public_updated_at) EXECUTE FUNCTION feed_version_ticket();
CREATE TRIGGER feed_version_unpublished AFTER DELETE ON ticket
    FOR EACH ROW WHEN (OLD.public_updated_at IS NOT NULL) EXECUTE FUNCTION feed_version_ticket();

-- An erased claimant's name leaves a published entry without re-publishing it, as does an erased preserved copy
-- (a source's archivedAt).
CREATE FUNCTION feed_version_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind = 'capture' OR EXISTS (SELECT 1 FROM ticket t WHERE t.claim_id = NEW.target_id AND t.public_updated_at IS NOT NULL) THEN
        PERFORM feed_version_move(NEW.erased_at);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER feed_version_erased AFTER INSERT ON erasure
    FOR EACH ROW WHEN (NEW.kind IN ('claimant', 'capture')) EXECUTE FUNCTION feed_version_erasure();
