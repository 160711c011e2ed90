package org.factdesk.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.factdesk.article.Article;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.capture.CaptureService;
import org.factdesk.claim.Claim;
import org.factdesk.comment.Comment;
import org.factdesk.common.Actor;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.intake.ArticleSentence;
import org.factdesk.publishing.FeedVersions;
import org.factdesk.ticket.Ticket;
import org.factdesk.tip.Tip;
import org.factdesk.tip.TipContacts;
import org.factdesk.verdict.VerdictVersion;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Deletes a personal value and its salt, in one transaction with the erasure's record and its
 * {@code erasure.recorded} event in the desk chain (which names the kind and the row, never the
 * value or the reason). Audit events are not touched: they hold commitments only, which without
 * the salt say nothing about the value, and the chains keep verifying.
 *
 * <p>Erasing something that holds no value and no salt any more is a 409 (nothing to erase): a
 * repeated request does not record a second erasure.
 */
@ApplicationScoped
@Transactional
public class ErasureService {

    @Inject
    AuditLog audit;

    @Inject
    CaptureService captures;

    @Inject
    Event<FeedVersions.Erased> feedChanged;

    /** The erasure's record, as a view built inside the transaction. */
    public ErasureView erase(Actor actor, ErasureKind kind, long targetId, String reason) {
        // PostgreSQL keeps microseconds: the record says exactly what views will read back.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Erasure erasure = new Erasure();
        erasure.kind = kind.wire;
        erasure.targetId = targetId;
        erasure.reason = reason;
        erasure.erasedAt = now;
        erasure.erasedBy = actor.subject();
        switch (kind) {
            case CLAIMANT -> eraseClaimant(targetId, now);
            case COMMENT -> eraseComment(targetId);
            case ARTICLE_AUTHOR -> eraseArticleAuthor(targetId, now);
            case ARTICLE_TEXT -> eraseArticleText(targetId, now);
            case TIP_CONTACT -> eraseTipContact(targetId, now);
            case CAPTURE -> captures.erase(targetId, now).ifPresent(erasedAt -> {
                throw nothingToErase("Capture " + targetId + " is erased already", erasedAt);
            });
        }
        erasure.persist();
        feedChanged.fire(new FeedVersions.Erased()); // which erasures change the feeds is V29's trigger's to say
        if (kind == ErasureKind.ARTICLE_TEXT) {
            clearOffsetsInto(targetId, actor, erasure.id, now);
        }
        audit.desk(actor, AuditAction.ERASURE_RECORDED, audit.changes()
                .value("erasureId", erasure.id).value("kind", kind.wire).value("targetId", targetId));
        return ErasureView.of(erasure);
    }

    /** Every erasure, newest first. */
    public Page<ErasureView> list(PageRequest page) {
        return Page.of(Erasure.<Erasure>find("order by erasedAt desc, id desc"), page).map(ErasureView::of);
    }

    /** The claim's claimant and its salt, and the claimant in the ticket's verdict versions (the public copies). */
    private void eraseClaimant(long claimId, Instant now) {
        List<Long> ticketId = ticketIds("t.claim.id = ?1", claimId);
        if (ticketId.isEmpty()) {
            throw Problems.notFound("Claim", claimId);
        }
        // Read under the ticket's lock, as claim edits are: an edit and an erasure do not interleave.
        Ticket ticket = Ticket.lock(ticketId.get(0));
        Claim claim = ticket.claim;
        boolean copies = VerdictVersion.count("ticketId = ?1 and claimant is not null", ticket.id) > 0;
        if (claim.claimant == null && claim.claimantSalt == null && !copies) {
            throw nothingToErase("Claim " + claimId + " has no claimant", claim.claimantErasedAt);
        }
        VerdictVersion.update("claimant = null where ticketId = ?1 and claimant is not null", ticket.id);
        claim.claimant = null;
        claim.claimantSalt = null;
        claim.updatedAt = now; // and its version moves: an edit made from before the erasure is refused as stale
    }

    private void eraseComment(long commentId) {
        Comment comment = Comment.<Comment>findByIdOptional(commentId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Comment", commentId));
        if (comment.body == null && comment.bodySalt == null) {
            throw nothingToErase("Comment " + commentId + " has no body", comment.bodyErasedAt);
        }
        comment.body = null;
        comment.bodySalt = null;
    }

    private void eraseArticleAuthor(long articleId, Instant now) {
        Article article = lockArticle(articleId);
        if (article.author == null && article.authorSalt == null) {
            throw nothingToErase("Article " + articleId + " has no author", article.authorErasedAt);
        }
        article.author = null;
        article.authorSalt = null;
        article.updatedAt = now;
    }

    /** The text, its salt and the sentences read from it (their text, scores and attributed claimants). */
    private void eraseArticleText(long articleId, Instant now) {
        Article article = lockArticle(articleId);
        if (article.text == null && article.textSalt == null && ArticleSentence.count("articleId", articleId) == 0) {
            throw nothingToErase("Article " + articleId + " has no text", article.textErasedAt);
        }
        article.text = null;
        article.textSalt = null;
        article.updatedAt = now;
        ArticleSentence.delete("articleId", articleId);
    }

    private void eraseTipContact(long tipId, Instant now) {
        Tip tip = TipContacts.lock(tipId).orElseThrow(() -> Problems.notFound("Tip", tipId));
        Instant removedAt = tip.contactRemovedAt;
        if (!TipContacts.remove(tip, now)) {
            throw nothingToErase("Tip " + tipId + " has no contact", removedAt);
        }
    }

    /**
     * Claims keep their own text, but their offsets into an erased text point at nothing: they are
     * cleared, each with an event in its ticket's chain that names the erasure.
     */
    private void clearOffsetsInto(long articleId, Actor actor, long erasureId, Instant now) {
        // Locked in id order, so that two writers cannot deadlock.
        for (long ticketId : ticketIds("t.claim.article.id = ?1 and t.claim.sourceStart is not null", articleId)) {
            Ticket ticket = Ticket.lock(ticketId);
            Claim claim = ticket.claim;
            if (claim.sourceStart == null) {
                continue;
            }
            audit.ticket(actor, ticket, AuditAction.CLAIM_SOURCE_CLEARED, null, null, audit.changes()
                    .value("erasureId", erasureId)
                    .field("sourceStart", claim.sourceStart, null)
                    .field("sourceEnd", claim.sourceEnd, null));
            claim.sourceStart = null;
            claim.sourceEnd = null;
            claim.updatedAt = now;
        }
    }

    private static List<Long> ticketIds(String where, long id) {
        return Ticket.getEntityManager().createQuery("select t.id from Ticket t where " + where + " order by t.id", Long.class)
                .setParameter(1, id).getResultList();
    }

    private static Article lockArticle(long articleId) {
        return Article.<Article>findByIdOptional(articleId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Article", articleId));
    }

    private static RuntimeException nothingToErase(String what, Instant erasedAt) {
        return Problems.conflict("Nothing to erase", what + " to erase"
                + (erasedAt == null ? "." : "; it was erased at " + erasedAt + "."));
    }
}
