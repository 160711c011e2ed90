-- pgbench script: what the server does for claim-next, as one statement: pick the most urgent open
-- ticket (SKIP LOCKED), assign it, append the next link of its audit chain.
WITH next AS (
    SELECT id, audit_seq, audit_hash FROM ticket WHERE status = 'OPEN'
    ORDER BY priority_rank, deadline NULLS LAST, created_at, id
    LIMIT 1 FOR UPDATE SKIP LOCKED
), upd AS (
    UPDATE ticket t SET status = 'IN_PROGRESS', assignee = 'bench-sql', version = t.version + 1, updated_at = now(),
           audit_seq = next.audit_seq + 1,
           audit_hash = encode(sha256((next.audit_hash || t.id || clock_timestamp())::bytea), 'hex')
    FROM next WHERE t.id = next.id
    RETURNING t.id, t.audit_seq, t.audit_hash, next.audit_hash AS prev_hash
)
INSERT INTO audit_event (stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status, changes, prev_hash, hash)
SELECT 'ticket:' || id, audit_seq, id, now(), 'bench-sql', 'ticket.claim', 'OPEN', 'IN_PROGRESS',
       '{"assignee": {"before": null, "after": "bench-sql"}}'::jsonb, prev_hash, audit_hash
FROM upd;
