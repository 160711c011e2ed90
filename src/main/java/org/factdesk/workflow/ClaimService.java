package org.factdesk.workflow;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.article.Article;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TicketPolicy;
import org.factdesk.ticket.TicketStatus;
import org.factdesk.ticket.TransitionRequest;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimAppearance;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.claim.Priority;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Claims and the tickets they open. */
@ApplicationScoped
@Transactional
public class ClaimService {

    @Inject
    AuditLog audit;

    @Inject
    TicketService tickets;

    /**
     * Creates the claim and opens its ticket through the door, in one transaction with the ticket's
     * first audit event. Priority and deadline are triage: only editors may set them.
     */
    public Ticket create(Actor actor, ClaimRequest request) {
        if (request.version() != null) {
            throw Problems.badRequest("Field 'version' is read-only when creating a claim.");
        }
        if (request.priority() != null || request.deadline() != null) {
            TicketPolicy.triageRoleRefusal(actor).ifPresent(reason -> {
                throw Problems.forbidden(reason + ": leave 'priority' and 'deadline' out.");
            });
        }
        Instant now = Instant.now();
        Claim claim = new Claim();
        claim.createdAt = now;
        claim.createdBy = actor.subject();
        apply(claim, request, now);
        claim.setPriority(request.priority() == null ? Priority.NORMAL : request.priority());
        claim.deadline = instant(request.deadline());
        claim.persist();
        return tickets.open(claim, actor, audit.changes()
                .value("claimId", claim.id)
                .value("text", claim.text)
                .personalValue("claimant", claim.claimantSalt, claim.claimant)
                .value("priority", claim.priority)
                .value("deadline", claim.deadline));
    }

    /**
     * Replaces the claim's reviewed content (text, claimant, language, topics, appearances, its
     * place in the article) when the policy lets this person edit it now. Priority and deadline
     * are triage ({@code PUT /api/tickets/{id}/triage}): a different value here is refused.
     */
    public Ticket update(long claimId, Actor actor, ClaimRequest request) {
        Ticket ticket = Ticket.lockForEdit(ticketOf(claimId).id, TicketPolicy.Part.CLAIM, actor);
        Claim claim = ticket.claim;
        Problems.requireVersion("Claim " + claimId, request.version(), claim.version);
        if ((request.priority() != null && request.priority() != claim.priority)
                || (request.deadline() != null && !instant(request.deadline()).equals(claim.deadline))) {
            throw Problems.badRequest("Fields 'priority' and 'deadline' are triage: set them with PUT /api/tickets/"
                    + ticket.id + "/triage.");
        }
        AuditLog.Changes changes = audit.changes()
                .field("text", claim.text, request.text())
                .personal("claimant", claim.claimantSaltFor(request.claimant()), claim.claimant, request.claimant())
                .field("language", claim.language, request.language())
                .field("topics", claim.topics, topics(request))
                .field("articleId", claim.article == null ? null : claim.article.id, request.articleId())
                .field("sourceStart", claim.sourceStart, request.sourceStart())
                .field("sourceEnd", claim.sourceEnd, request.sourceEnd())
                .field("appearances", claim.appearances.stream().map(a -> a.url).toList(),
                        request.appearances() == null ? List.of() : request.appearances().stream().map(ClaimRequest.Appearance::url).toList());
        apply(claim, request, Instant.now());
        claim.persistAndFlush();
        if (!changes.isEmpty()) {
            audit.ticket(actor, ticket, AuditAction.CLAIM_UPDATED, null, null, changes);
        }
        return ticket;
    }

    /**
     * Marks a claim as a duplicate of another: its appearances move to the original and its
     * ticket is discarded with reason {@code duplicate-of:{id}}.
     */
    public Ticket markDuplicate(long claimId, long originalId, Actor actor) {
        if (claimId == originalId) {
            throw Problems.badRequest("A claim cannot be a duplicate of itself.");
        }
        // Lock both tickets in id order so that two opposite requests cannot deadlock.
        Ticket duplicateTicket;
        Ticket originalTicket;
        if (claimId < originalId) {
            duplicateTicket = lockTicketOf(claimId);
            originalTicket = lockTicketOf(originalId);
        } else {
            originalTicket = lockTicketOf(originalId);
            duplicateTicket = lockTicketOf(claimId);
        }
        Claim duplicate = duplicateTicket.claim;
        Claim original = originalTicket.claim;
        if (original.duplicateOf != null) {
            throw Problems.conflict("Original is a duplicate", "Claim " + originalId + " is itself a duplicate of claim "
                    + original.duplicateOf + "; mark it as a duplicate of that one.");
        }
        if (original.appearances.size() + duplicate.appearances.size() > Claim.MAX_APPEARANCES) {
            throw appearanceLimit(originalId);
        }
        tickets.transition(duplicateTicket.id, TicketAction.DISCARD, actor,
                new TransitionRequest(null, null, "duplicate-of:" + originalId, null));
        List<String> moved = duplicate.appearances.stream().map(a -> a.url).toList();
        boolean later = !TicketPolicy.isWorkedOn(originalTicket.status);
        for (ClaimAppearance appearance : List.copyOf(duplicate.appearances)) {
            duplicate.appearances.remove(appearance);
            original.appearances.add(appearance(original, appearance.url, appearance.appearedAt, later));
        }
        duplicate.duplicateOf = originalId;
        duplicate.updatedAt = Instant.now();
        original.updatedAt = duplicate.updatedAt;
        audit.ticket(actor, duplicateTicket, AuditAction.CLAIM_MARKED_DUPLICATE, null, null,
                audit.changes().value("duplicateOf", originalId).value("appearancesMoved", moved));
        if (!moved.isEmpty()) {
            audit.ticket(actor, originalTicket, AuditAction.CLAIM_APPEARANCES_MERGED, null, null,
                    audit.changes().value("fromClaim", claimId).value("appearances", moved).value("foundLater", later));
        }
        return duplicateTicket;
    }

    /**
     * Records that the claim appeared again (e.g. in a newly taken-in article): the repeat becomes
     * another appearance of the existing claim instead of a new ticket. While the claim's content
     * is frozen (in review, approved, published) it is kept beside it, found later, and joins the
     * reviewed content when the ticket goes back to work. Adding an appearance the claim already
     * has changes nothing.
     *
     * @return the claim's ticket
     */
    public Ticket addAppearance(long claimId, String url, Instant appearedAt, Actor actor) {
        Ticket ticket = lockTicketOf(claimId);
        Claim claim = ticket.claim;
        if (claim.duplicateOf != null) {
            throw Problems.conflict("Claim is a duplicate", "Claim " + claimId + " is a duplicate of claim "
                    + claim.duplicateOf + "; link to that one.");
        }
        if (ticket.status == TicketStatus.DISCARDED) {
            throw Problems.conflict("Claim is discarded", "Claim " + claimId + "'s ticket is discarded; reopen it or create a new claim.");
        }
        if (claim.appearances.stream().anyMatch(a -> a.url.equals(url))) {
            return ticket;
        }
        if (claim.appearances.size() >= Claim.MAX_APPEARANCES) {
            throw appearanceLimit(claimId);
        }
        boolean later = !TicketPolicy.isWorkedOn(ticket.status);
        claim.appearances.add(appearance(claim, url, appearedAt, later));
        claim.updatedAt = Instant.now();
        claim.persistAndFlush();
        audit.ticket(actor, ticket, later ? AuditAction.CLAIM_APPEARANCE_FOUND_LATER : AuditAction.CLAIM_APPEARANCE_ADDED,
                null, null, audit.changes().value("url", url).value("appearedAt", appearedAt));
        return ticket;
    }

    public Ticket ticketOf(long claimId) {
        Ticket ticket = Ticket.find("claim.id", claimId).firstResult();
        if (ticket == null) {
            throw Problems.notFound("Claim", claimId);
        }
        return ticket;
    }

    private static HttpProblem appearanceLimit(long claimId) {
        return Problems.conflict("Appearance limit reached", "Claim " + claimId + " would have more than "
                + Claim.MAX_APPEARANCES + " appearances, the most one claim keeps; edit its appearances first.");
    }

    private Ticket lockTicketOf(long claimId) {
        return Ticket.lock(ticketOf(claimId).id);
    }

    private static ClaimAppearance appearance(Claim claim, String url, Instant appearedAt, boolean foundLater) {
        ClaimAppearance appearance = new ClaimAppearance();
        appearance.claim = claim;
        appearance.url = url;
        appearance.appearedAt = appearedAt;
        appearance.foundLater = foundLater;
        return appearance;
    }

    /** The reviewed content of a request, into the claim. */
    private static void apply(Claim claim, ClaimRequest request, Instant now) {
        claim.text = request.text();
        claim.claimant = request.claimant();
        claim.claimantSaltFor(claim.claimant);
        claim.language = request.language();
        claim.topics = topics(request);
        if (request.articleId() == null) {
            claim.article = null;
        } else {
            claim.article = Article.findById(request.articleId());
            if (claim.article == null) {
                throw Problems.badRequest("Field 'articleId': article " + request.articleId() + " does not exist.");
            }
        }
        claim.sourceStart = request.sourceStart();
        claim.sourceEnd = request.sourceEnd();
        if ((claim.sourceStart == null) != (claim.sourceEnd == null)) {
            throw Problems.badRequest("Fields 'sourceStart' and 'sourceEnd' go together: send both or neither.");
        }
        if (claim.sourceStart != null) {
            int length = claim.article == null || claim.article.text == null ? -1 : claim.article.text.length();
            if (length < 0) {
                throw Problems.badRequest("Fields 'sourceStart' and 'sourceEnd' need an article with text ('articleId').");
            }
            if (claim.sourceStart >= claim.sourceEnd || claim.sourceEnd > length) {
                throw Problems.badRequest("Fields 'sourceStart' and 'sourceEnd' must satisfy 0 <= sourceStart < sourceEnd <= "
                        + length + " (the length of article " + claim.article.id + "'s text).");
            }
        }
        claim.appearances.clear();
        if (request.appearances() != null) {
            for (ClaimRequest.Appearance a : request.appearances()) {
                claim.appearances.add(appearance(claim, a.url(), instant(a.appearedAt()), false));
            }
        }
        claim.updatedAt = now;
    }

    private static String[] topics(ClaimRequest request) {
        return request.topics() == null ? new String[0]
                : request.topics().stream().map(String::trim).map(String::toLowerCase).distinct().toArray(String[]::new);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
