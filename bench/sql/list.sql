-- pgbench script: what GET /api/tickets?status=OPEN&size=20 runs (TicketSearch): the total (counted up
-- to 10,001 rows, the planner's estimate above), the page's ids in urgency order, and the page joined with
-- its claims.
BEGIN;
SELECT count(*) FROM (SELECT t.id FROM ticket t WHERE true AND t.status IN ('OPEN') LIMIT 10001) capped;
EXPLAIN (FORMAT JSON) SELECT t.id FROM ticket t WHERE true AND t.status IN ('OPEN');
SELECT t.id FROM ticket t WHERE true AND t.status IN ('OPEN')
ORDER BY t.priority_rank, t.deadline NULLS LAST, t.created_at, t.id LIMIT 21 OFFSET 0;
SELECT t.*, c.* FROM ticket t JOIN claim c ON c.id = t.claim_id
WHERE t.id IN (SELECT t.id FROM ticket t WHERE t.status IN ('OPEN')
               ORDER BY t.priority_rank, t.deadline NULLS LAST, t.created_at, t.id LIMIT 20);
COMMIT;
