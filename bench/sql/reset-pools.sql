-- Puts both pools back as seeded before each run, so that the HTTP and the SQL run of a scenario
-- start from the same rows (bench/run.sh, psql -f).
-- Variables (psql -v): open_lo, open_hi, rel_lo, rel_hi (the pools' ids), who (the release pool's assignee).
UPDATE ticket SET status = 'OPEN', assignee = NULL, audit_seq = 1,
                  audit_hash = encode(sha256(('ticket:' || id || '#1')::bytea), 'hex')
    WHERE id BETWEEN :open_lo AND :open_hi AND (status <> 'OPEN' OR audit_seq <> 1);
UPDATE ticket SET status = 'IN_PROGRESS', assignee = :'who', audit_seq = 2,
                  audit_hash = encode(sha256(('ticket:' || id || '#2')::bytea), 'hex')
    WHERE id BETWEEN :rel_lo AND :rel_hi AND (status <> 'IN_PROGRESS' OR assignee <> :'who' OR audit_seq <> 2);
-- The trail is append-only (migration V5's triggers); the benchmark, as the database superuser,
-- rewinds its own throw-away trail with triggers off for this session only.
SET session_replication_role = replica;
DELETE FROM audit_event
    WHERE (ticket_id BETWEEN :open_lo AND :open_hi AND seq > 1)
       OR (ticket_id BETWEEN :rel_lo AND :rel_hi AND seq > 2);
RESET session_replication_role;
VACUUM (ANALYZE) ticket;
VACUUM (ANALYZE) audit_event;
VACUUM (ANALYZE) claim;
CHECKPOINT;
