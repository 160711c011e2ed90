-- pgbench script: what GET /api/tickets/{id}/history runs for the first page (TicketEndpoints.history,
-- AuditLog.history through Keyset.page): the ticket's row, the page's ids newest first (one more says whether a
-- next page exists), the capped total of its events only when the page does not end the list (Counts.ofPage: a
-- last page tells its total), then the page's 20 events by their ids (= ANY, as the server's findMultiple does).
\set id random(1, :max_id)
BEGIN;
SELECT * FROM ticket WHERE id = :id;
SELECT count(*) AS read, coalesce((array_agg(e.id ORDER BY e.seq DESC))[1:20], '{}') AS ids
FROM (SELECT e.id, e.seq FROM audit_event e WHERE e.stream = 'ticket:' || :id ORDER BY e.seq DESC LIMIT 21 OFFSET 0) e \gset
\if :read > 20
SELECT count(*) FROM (SELECT e.id FROM audit_event e WHERE e.stream = 'ticket:' || :id LIMIT 10001) capped;
\endif
SELECT * FROM audit_event WHERE id = ANY(CAST(':ids' AS bigint[]));
COMMIT;
