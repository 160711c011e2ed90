package org.factdesk.claim;

/** Urgency of a claim, most urgent first (the ordinal is the sort rank). */
public enum Priority {
    URGENT, HIGH, NORMAL, LOW;

    public int rank() {
        return ordinal();
    }
}
