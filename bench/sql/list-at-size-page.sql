-- The SQL side of GET /api/tickets?status=OPEN&size=20 as the server runs it (TicketSearch, Keyset,
-- Counts): the page's ids in urgency order, then the capped count. EXPLAIN ANALYZE of each is run by
-- bench/list-at-size.sh; this file is for reading (psql -f) or pgbench.
SELECT t.id FROM ticket t WHERE true AND t.status IN ('OPEN')
ORDER BY t.priority_rank, t.deadline NULLS LAST, t.created_at, t.id LIMIT 21 OFFSET 0;
SELECT count(*) FROM (SELECT t.id FROM ticket t WHERE true AND t.status IN ('OPEN') LIMIT 10001) capped;
