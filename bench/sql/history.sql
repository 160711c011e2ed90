-- pgbench script: what GET /api/tickets/{id}/history runs for the first page (TicketEndpoints.history,
-- AuditLog.history): the ticket, the capped total of its events, the page's ids newest first, the events.
\set id random(1, :max_id)
BEGIN;
SELECT id, status FROM ticket WHERE id = :id;
SELECT count(*) FROM (SELECT e.id FROM audit_event e WHERE e.stream = 'ticket:' || :id LIMIT 10001) capped;
SELECT e.id FROM audit_event e WHERE e.stream = 'ticket:' || :id ORDER BY e.seq DESC LIMIT 21 OFFSET 0;
SELECT * FROM audit_event WHERE id IN (SELECT e.id FROM audit_event e WHERE e.stream = 'ticket:' || :id
                                       ORDER BY e.seq DESC LIMIT 20);
COMMIT;
