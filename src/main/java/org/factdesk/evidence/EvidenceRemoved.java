package org.factdesk.evidence;

/**
 * Fired, synchronously and inside the removing transaction, when evidence leaves a ticket: what
 * cites evidence (the verdict draft) observes it, so this package need not know about verdicts.
 */
public record EvidenceRemoved(long ticketId, long evidenceId) {
}
