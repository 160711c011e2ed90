-- Indexes that the ticket lists' orders follow (issue 15: a page of a million tickets costs what a
-- page of a thousand does). Each list reads its first page, and each page after a cursor, as one
-- index range; statuses reach the planner as literals, so partial indexes apply.

-- The queue: unfinished tickets in urgency order (the web app's default list, several statuses at
-- once, which ticket_status_urgency cannot return in order).
CREATE INDEX ticket_unfinished_urgency ON ticket (priority_rank, deadline NULLS LAST, created_at, id)
    WHERE status IN ('OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED');

-- Published and retracted fact-checks, last changed first (the "Published" list); such tickets
-- rarely change again, so the index costs the desk's daily work next to nothing.
CREATE INDEX ticket_finished_updated ON ticket (updated_at DESC, id DESC)
    WHERE status IN ('PUBLISHED', 'RETRACTED');
