-- pgbench script: what POST /api/tickets/{id}/release does, as one statement; each client walks its
-- own stride of the release pool like the wrk threads do (pgbench variables persist across a
-- client's transactions). Variables (pgbench -D): first_id (the pool's first id), n = 0, nclients.
\set n :n + 1
\set id :first_id + (:n - 1) * :nclients + :client_id
WITH upd AS (
    UPDATE ticket t SET status = 'OPEN', assignee = NULL, version = t.version + 1, updated_at = now(),
           audit_seq = old.audit_seq + 1,
           audit_hash = encode(sha256((old.audit_hash || t.id || clock_timestamp())::bytea), 'hex')
    FROM ticket old
    WHERE t.id = :id AND old.id = t.id AND t.status = 'IN_PROGRESS' AND t.assignee = 'bench-sql'
    RETURNING t.id, t.audit_seq, t.audit_hash, old.audit_hash AS prev_hash
)
INSERT INTO audit_event (stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status, changes, prev_hash, hash)
SELECT 'ticket:' || id, audit_seq, id, now(), 'bench-sql', 'ticket.release', 'IN_PROGRESS', 'OPEN',
       '{"assignee": {"before": "bench-sql", "after": null}}'::jsonb, prev_hash, audit_hash
FROM upd;
