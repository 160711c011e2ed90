package org.factdesk.web;

public record DeskPermissions(boolean claimNext, boolean createClaims, boolean postArticles,
                              boolean acceptCandidates, boolean triage, boolean review, boolean publish,
                              boolean administer) {
}
