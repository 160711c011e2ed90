package org.factdesk.tip;

import org.factdesk.similar.SimilarityService;

/**
 * Fired inside the transaction that stored a new tip, for what follows from it (an automatic answer); with the
 * tip's text as the searches read it, so that it is not read again.
 */
public record TipReceived(Tip tip, TipGroup group, SimilarityService.Reading reading) {
}
