-- pgbench script: what GET /api/tickets?status=OPEN&size=20 runs: one page joined with the claims, and the total.
BEGIN;
SELECT t.*, c.* FROM ticket t JOIN claim c ON c.id = t.claim_id
WHERE t.status IN ('OPEN')
ORDER BY t.priority_rank, t.deadline NULLS LAST, t.created_at, t.id
OFFSET 0 ROWS FETCH FIRST 20 ROWS ONLY;
SELECT count(t.id) FROM ticket t WHERE t.status IN ('OPEN');
COMMIT;
