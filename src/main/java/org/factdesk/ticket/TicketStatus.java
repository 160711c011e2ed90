package org.factdesk.ticket;

public enum TicketStatus {
    OPEN, IN_PROGRESS, IN_REVIEW, APPROVED, PUBLISHED, RETRACTED, DISCARDED
}
