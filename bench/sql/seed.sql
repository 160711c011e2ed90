-- Seeds the benchmark database after Flyway has created the schema (bench/run.sh, psql -f).
-- Variables (psql -v): open_n, release_n (pool sizes), checker (the subject the release pool is assigned to).
-- Two pools, in this id order: OPEN tickets for claim-next and the list reads, then IN_PROGRESS
-- tickets for release. Every ticket starts its audit chain with 'ticket.opened' (seq 1); the
-- release pool also has 'ticket.claim' (seq 2).
-- After a history (BENCH_SIZE), the pools' tickets are those above its ids.
SELECT coalesce(max(id), 0) AS history_id FROM ticket \gset
CREATE TEMP TABLE pool AS
    SELECT g AS n, CASE WHEN g <= :open_n THEN 'open' ELSE 'release' END AS kind
    FROM generate_series(1, :open_n + :release_n) g;

-- A claimant is personal data: it comes with its 32-byte salt (migration V6).
INSERT INTO claim (text, claimant, claimant_salt, language, topics, priority, priority_rank, deadline,
                   created_at, created_by, updated_at)
SELECT 'Bench claim ' || n || ': unemployment doubled in region ' || (n % 97) || ' last year',
       'Bench claimant ' || (n % 100), sha256(('bench-salt-' || n)::bytea), 'en', ARRAY['economy', 'bench'],
       (ARRAY['URGENT', 'HIGH', 'NORMAL', 'LOW'])[1 + n % 4], n % 4,
       CASE WHEN n % 3 = 0 THEN NULL ELSE now() + (n % 500) * interval '1 hour' END,
       now() - interval '30 days' + n * interval '1 second', 'bench-seed-' || kind,
       now() - interval '30 days' + n * interval '1 second'
FROM pool ORDER BY n;

INSERT INTO ticket (claim_id, status, assignee, priority_rank, deadline, created_at, updated_at)
SELECT id, CASE created_by WHEN 'bench-seed-open' THEN 'OPEN' ELSE 'IN_PROGRESS' END,
       CASE created_by WHEN 'bench-seed-open' THEN NULL ELSE :'checker' END,
       priority_rank, deadline, created_at, created_at
FROM claim WHERE created_by LIKE 'bench-seed-%' ORDER BY id;

INSERT INTO audit_event (stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status,
                         changes, prev_hash, hash)
SELECT 'ticket:' || id, 1, id, created_at, 'bench-seed', 'ticket.opened', NULL, 'OPEN', '{}'::jsonb,
       repeat('0', 64), encode(sha256(('ticket:' || id || '#1')::bytea), 'hex')
FROM ticket WHERE id > :history_id ORDER BY id;

INSERT INTO audit_event (stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status,
                         changes, prev_hash, hash)
SELECT 'ticket:' || id, 2, id, created_at, :'checker', 'ticket.claim', 'OPEN', 'IN_PROGRESS',
       jsonb_build_object('assignee', jsonb_build_object('before', NULL, 'after', :'checker')),
       encode(sha256(('ticket:' || id || '#1')::bytea), 'hex'),
       encode(sha256(('ticket:' || id || '#2')::bytea), 'hex')
FROM ticket WHERE id > :history_id AND status = 'IN_PROGRESS' ORDER BY id;

-- The ticket row keeps the head of its audit chain, as the server maintains it.
UPDATE ticket SET audit_seq = CASE status WHEN 'OPEN' THEN 1 ELSE 2 END,
                  audit_hash = encode(sha256(('ticket:' || id || CASE status WHEN 'OPEN' THEN '#1' ELSE '#2' END)::bytea), 'hex')
    WHERE id > :history_id;
