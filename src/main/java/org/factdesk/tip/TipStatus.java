package org.factdesk.tip;

import java.time.Instant;

/**
 * A tip's status for its requester: the stage, since when, and for an answered tip the absolute link of
 * the public fact-check page that answers it.
 */
public record TipStatus(TipStage stage, Instant since, String link) {
}
