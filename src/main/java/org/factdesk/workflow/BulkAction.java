package org.factdesk.workflow;

/** What a bulk request does to each of its tickets. */
public enum BulkAction {
    /** Assign to {@code assignee} (the assign transition). */
    ASSIGN,
    /** Set the claim's {@code priority}, keeping its deadline (triage). */
    PRIORITY,
    /** Discard, giving {@code reason} (the discard transition). */
    DISCARD
}
