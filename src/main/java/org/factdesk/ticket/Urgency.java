package org.factdesk.ticket;

/**
 * The desk's one order of urgency, used by every query that needs it: priority (URGENT first), then
 * deadline (none last), then age, then id. The partial index {@code ticket_open_urgency} follows it.
 */
final class Urgency {

    /** For SQL over the table {@code ticket t}. */
    static final String SQL = "t.priority_rank, t.deadline NULLS LAST, t.created_at, t.id";

    private Urgency() {
    }
}
