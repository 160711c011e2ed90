package org.factdesk.evidence;

/** Fired in the transaction that added an evidence item or changed its URL, so that its source can be preserved. */
public record EvidenceSaved(long ticketId, long evidenceId, String url, String actor) {
}
