package org.factdesk.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every kind of audit event, a closed set. {@link #work} marks the ones that change a ticket's
 * reviewed content (the claim, its evidence, its verdict draft): whoever took one of those on a
 * ticket may not approve it (four-eyes).
 */
public enum AuditAction {
    TICKET_OPENED("ticket.opened", "opened the ticket"),
    TICKET_CLAIM("ticket.claim", "claimed the ticket"),
    TICKET_ASSIGN("ticket.assign", "assigned the ticket"),
    TICKET_RELEASE("ticket.release", "released the ticket"),
    TICKET_SUBMIT("ticket.submit", "submitted the ticket for review"),
    TICKET_REQUEST_CHANGES("ticket.request-changes", "requested changes"),
    TICKET_APPROVE("ticket.approve", "approved the verdict"),
    TICKET_WITHDRAW_APPROVAL("ticket.withdraw-approval", "withdrew the approval"),
    TICKET_PUBLISH("ticket.publish", "published the verdict"),
    TICKET_PUBLISH_SCHEDULED("ticket.publish-scheduled", "scheduled the publication"),
    TICKET_CANCEL_SCHEDULE("ticket.cancel-schedule", "cancelled the scheduled publication"),
    TICKET_CORRECT("ticket.correct", "opened a correction"),
    TICKET_RETRACT("ticket.retract", "retracted the verdict"),
    TICKET_DISCARD("ticket.discard", "discarded the ticket"),
    TICKET_REOPEN("ticket.reopen", "reopened the ticket"),
    /** Priority and deadline: triage, not reviewed content. */
    TICKET_TRIAGED("ticket.triaged", "changed the priority or deadline"),
    /** A group of the public's tips was turned into the claim or attached to it (counts, never who asked). */
    TICKET_ASKED("ticket.asked", "linked the public's tips to the ticket"),

    CLAIM_UPDATED("claim.updated", "edited the claim", true),
    CLAIM_APPEARANCE_ADDED("claim.appearance-added", "added an appearance of the claim", true),
    /** An appearance found while the content was frozen: kept beside the claim until the next round. */
    CLAIM_APPEARANCE_FOUND_LATER("claim.appearance-found-later", "found another appearance of the claim"),
    CLAIM_MARKED_DUPLICATE("claim.marked-duplicate", "marked the claim as a duplicate"),
    CLAIM_APPEARANCES_MERGED("claim.appearances-merged", "merged appearances into the claim", true),
    EVIDENCE_ADDED("evidence.added", "added evidence", true),
    EVIDENCE_UPDATED("evidence.updated", "edited evidence", true),
    EVIDENCE_REMOVED("evidence.removed", "removed evidence", true),
    EVIDENCE_CAPTURE_REQUESTED("evidence.capture-requested", "asked for a preserved copy of a source"),
    /** A source's preserved copy was stored: the WARC's SHA-256 and its records' digests, in the chain. */
    EVIDENCE_CAPTURED("evidence.captured", "preserved a copy of a source"),
    EVIDENCE_CAPTURE_FAILED("evidence.capture-failed", "could not preserve a copy of a source"),
    /** The link watch found a published source changed or gone since its preserved copy. */
    SOURCE_CHANGED("source.changed", "found a published source changed since its preserved copy"),
    SOURCE_GONE("source.gone", "found a published source no longer available"),
    VERDICT_DRAFTED("verdict.drafted", "saved the verdict draft", true),
    COMMENT_ADDED("comment.added", "commented"),
    /** An erasure took away the article text the claim pointed into (its place in the article). */
    CLAIM_SOURCE_CLEARED("claim.source-cleared", "cleared the claim's source text (erasure)"),

    ARTICLE_CREATED("article.created", "added the article"),
    ARTICLE_UPDATED("article.updated", "edited the article"),
    CANDIDATES_DISMISSED("article.candidates-dismissed", "dismissed candidate claims"),
    SETTINGS_UPDATED("settings.updated", "changed the desk settings"),
    RATING_SCALE_CREATED("rating-scale.created", "created a rating scale"),
    RATING_SCALE_ACTIVATED("rating-scale.activated", "activated a rating scale"),
    WEBHOOK_REGISTERED("webhook.registered", "registered a webhook"),
    WEBHOOK_DEACTIVATED("webhook.deactivated", "deactivated a webhook"),
    WEBHOOK_RESEND("webhook.resend", "resent a webhook delivery"),
    PRIOR_REVIEWS_IMPORTED("prior-reviews.imported", "imported prior reviews"),
    ERASURE_RECORDED("erasure.recorded", "recorded an erasure"),
    TIPS_DISMISSED("tips.dismissed", "dismissed a group of tips as not taken up"),
    /** The desk answered a tip by itself with a close published fact-check (desk settings). */
    TIP_AUTO_ANSWERED("tip.auto-answered", "answered a tip with a published fact-check"),
    TIP_CHANNEL_REGISTERED("tip-channel.registered", "registered a tip channel"),
    TIP_CHANNEL_DEACTIVATED("tip-channel.deactivated", "deactivated a tip channel");

    /** Longer than any action's name (the API states it as their bound). */
    public static final int ID_MAX = 64;

    /** Longer than any action's label (the API states it as their bound). */
    public static final int LABEL_MAX = 80;

    /** The name stored in {@code audit_event.action} and hashed into the chain. */
    public final String id;
    /** What the actor did, in words, to follow their name in a history ("Alice claimed the ticket"). */
    public final String label;
    /** Changes a ticket's reviewed content (counts for four-eyes). */
    public final boolean work;

    AuditAction(String id, String label) {
        this(id, label, false);
    }

    AuditAction(String id, String label, boolean work) {
        this.id = id;
        this.label = label;
        this.work = work;
    }

    private static final Map<String, AuditAction> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(action -> action.id, action -> action));

    /** The label of a stored action name; an unknown name (none is stored) is shown as it is. */
    public static String labelOf(String id) {
        AuditAction action = BY_ID.get(id);
        return action == null ? id : action.label;
    }

    /** The stored names of the actions that count as work. */
    public static List<String> workIds() {
        return Arrays.stream(values()).filter(action -> action.work).map(action -> action.id).toList();
    }
}
