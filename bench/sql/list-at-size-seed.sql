-- Adds tickets to the list-at-size database (bench/list-at-size.sh, psql -f), numbered :from_n to :to_n.
-- Claims and tickets as bench/sql/seed.sql makes them (four priorities, two thirds with a deadline);
-- every fifth ticket IN_PROGRESS (assigned to :checker), the others OPEN; each with its 'ticket.opened' event.
INSERT INTO claim (text, claimant, claimant_salt, language, topics, priority, priority_rank, deadline,
                   created_at, created_by, updated_at)
SELECT 'Bench claim ' || n || ': unemployment doubled in region ' || (n % 97) || ' last year',
       'Bench claimant ' || (n % 100), sha256(('bench-salt-' || n)::bytea), 'en', ARRAY['economy', 'bench'],
       (ARRAY['URGENT', 'HIGH', 'NORMAL', 'LOW'])[1 + n % 4], n % 4,
       CASE WHEN n % 3 = 0 THEN NULL ELSE now() + (n % 500) * interval '1 hour' END,
       now() - interval '60 days' + n * interval '1 second', 'bench-size',
       now() - interval '60 days' + n * interval '1 second'
FROM generate_series(:from_n, :to_n) n ORDER BY n;

INSERT INTO ticket (claim_id, status, assignee, priority_rank, deadline, created_at, updated_at, audit_seq, audit_hash)
SELECT c.id, CASE WHEN c.id % 5 = 0 THEN 'IN_PROGRESS' ELSE 'OPEN' END,
       CASE WHEN c.id % 5 = 0 THEN :'checker' END,
       c.priority_rank, c.deadline, c.created_at, c.created_at, 1,
       encode(sha256(('ticket:' || c.id || '#1')::bytea), 'hex')
FROM claim c WHERE c.created_by = 'bench-size' AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.claim_id = c.id)
ORDER BY c.id;

INSERT INTO audit_event (stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status,
                         changes, prev_hash, hash)
SELECT 'ticket:' || t.id, 1, t.id, t.created_at, 'bench-seed', 'ticket.opened', NULL, 'OPEN', '{}'::jsonb,
       repeat('0', 64), encode(sha256(('ticket:' || t.id || '#1')::bytea), 'hex')
FROM ticket t WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.stream = 'ticket:' || t.id)
ORDER BY t.id;
