package org.factdesk.audit;

import java.util.Arrays;
import java.util.List;

/**
 * Every kind of audit event, a closed set. {@link #work} marks the ones that change a ticket's
 * reviewed content (the claim, its evidence, its verdict draft): whoever took one of those on a
 * ticket may not approve it (four-eyes).
 */
public enum AuditAction {
    TICKET_OPENED("ticket.opened"),
    TICKET_CLAIM("ticket.claim"),
    TICKET_ASSIGN("ticket.assign"),
    TICKET_RELEASE("ticket.release"),
    TICKET_SUBMIT("ticket.submit"),
    TICKET_REQUEST_CHANGES("ticket.request-changes"),
    TICKET_APPROVE("ticket.approve"),
    TICKET_WITHDRAW_APPROVAL("ticket.withdraw-approval"),
    TICKET_PUBLISH("ticket.publish"),
    TICKET_PUBLISH_SCHEDULED("ticket.publish-scheduled"),
    TICKET_CANCEL_SCHEDULE("ticket.cancel-schedule"),
    TICKET_CORRECT("ticket.correct"),
    TICKET_RETRACT("ticket.retract"),
    TICKET_DISCARD("ticket.discard"),
    TICKET_REOPEN("ticket.reopen"),
    /** Priority and deadline: triage, not reviewed content. */
    TICKET_TRIAGED("ticket.triaged"),

    CLAIM_UPDATED("claim.updated", true),
    CLAIM_APPEARANCE_ADDED("claim.appearance-added", true),
    /** An appearance found while the content was frozen: kept beside the claim until the next round. */
    CLAIM_APPEARANCE_FOUND_LATER("claim.appearance-found-later"),
    CLAIM_MARKED_DUPLICATE("claim.marked-duplicate"),
    CLAIM_APPEARANCES_MERGED("claim.appearances-merged", true),
    EVIDENCE_ADDED("evidence.added", true),
    EVIDENCE_UPDATED("evidence.updated", true),
    EVIDENCE_REMOVED("evidence.removed", true),
    VERDICT_DRAFTED("verdict.drafted", true),
    COMMENT_ADDED("comment.added"),
    /** An erasure took away the article text the claim pointed into (its place in the article). */
    CLAIM_SOURCE_CLEARED("claim.source-cleared"),

    ARTICLE_CREATED("article.created"),
    ARTICLE_UPDATED("article.updated"),
    SETTINGS_UPDATED("settings.updated"),
    RATING_SCALE_CREATED("rating-scale.created"),
    RATING_SCALE_ACTIVATED("rating-scale.activated"),
    WEBHOOK_REGISTERED("webhook.registered"),
    WEBHOOK_DEACTIVATED("webhook.deactivated"),
    WEBHOOK_RESEND("webhook.resend"),
    PRIOR_REVIEWS_IMPORTED("prior-reviews.imported"),
    ERASURE_RECORDED("erasure.recorded");

    /** Longer than any action's name (the API states it as their bound). */
    public static final int ID_MAX = 64;

    /** The name stored in {@code audit_event.action} and hashed into the chain. */
    public final String id;
    /** Changes a ticket's reviewed content (counts for four-eyes). */
    public final boolean work;

    AuditAction(String id) {
        this(id, false);
    }

    AuditAction(String id, boolean work) {
        this.id = id;
        this.work = work;
    }

    /** The stored names of the actions that count as work. */
    public static List<String> workIds() {
        return Arrays.stream(values()).filter(action -> action.work).map(action -> action.id).toList();
    }
}
