package org.factdesk.tip;

/** Fired inside the transaction that stored a new tip, for what follows from it (an automatic answer). */
public record TipReceived(Tip tip, TipGroup group) {
}
