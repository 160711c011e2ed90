package org.factdesk.search;

/**
 * What a search hit is. A claim matches on its text or claimant; a ticket on its number or on its
 * verdict's headline or summary (the desk's own work on it); an article on its title, outlet or
 * address; a prior review on the claim it reviewed, its claimant or its publisher.
 */
public enum SearchKind {
    CLAIM, TICKET, ARTICLE, PRIOR_REVIEW
}
