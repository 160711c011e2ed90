package org.factdesk.web;

/**
 * {@code markDuplicates}: may mark a claim as a duplicate of another; {@code importPriorReviews}: may import
 * other fact-checkers' reviews (upload or URL); {@code handleTips}: may turn the public's tips into claims,
 * attach them to claims or dismiss them; {@code deskFigures}: reads the desk's figures and anyone's, not only
 * one's own ({@code /api/metrics}).
 */
public record DeskPermissions(boolean claimNext, boolean createClaims, boolean postArticles,
                              boolean acceptCandidates, boolean triage, boolean review, boolean publish,
                              boolean administer, boolean markDuplicates, boolean importPriorReviews,
                              boolean handleTips, boolean deskFigures) {
}
