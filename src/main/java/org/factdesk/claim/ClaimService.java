package org.factdesk.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.article.Article;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TicketPolicy;
import org.factdesk.ticket.TicketService;
import org.factdesk.ticket.TicketStatus;
import org.factdesk.ticket.TransitionRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** Claims and the tickets they open. */
@ApplicationScoped
@Transactional
public class ClaimService {

    @Inject
    AuditLog audit;

    @Inject
    TicketService tickets;

    /** Creates the claim and opens its ticket, in one transaction with the ticket's first audit event. */
    public Ticket create(Actor actor, ClaimRequest request) {
        if (request.version() != null) {
            throw Problems.badRequest("Field 'version' is read-only when creating a claim.");
        }
        Instant now = Instant.now();
        Claim claim = new Claim();
        claim.createdAt = now;
        claim.createdBy = actor.subject();
        apply(claim, request, now);
        claim.persist();

        Ticket ticket = new Ticket();
        ticket.claim = claim;
        ticket.status = TicketStatus.OPEN;
        ticket.priorityRank = claim.priorityRank;
        ticket.deadline = claim.deadline;
        ticket.createdAt = now;
        ticket.updatedAt = now;
        ticket.persistAndFlush();
        audit.ticket(actor, ticket, "ticket.opened", null, TicketStatus.OPEN.name(), audit.changes()
                .value("claimId", claim.id)
                .value("text", claim.text)
                .personalValue("claimant", claim.claimantSalt, claim.claimant)
                .value("priority", claim.priority)
                .value("deadline", claim.deadline));
        return ticket;
    }

    /** Replaces the claim's fields; priority and deadline are the editor's (triage). */
    public Ticket update(long claimId, Actor actor, ClaimRequest request) {
        Ticket ticket = lockTicketOf(claimId);
        Claim claim = ticket.claim;
        TicketPolicy.workRefusal(ticket, actor).ifPresent(reason -> {
            throw Problems.forbidden(reason);
        });
        if (ticket.status == TicketStatus.PUBLISHED || ticket.status == TicketStatus.RETRACTED) {
            // What was published stays as published: it changes only through a correction.
            throw Problems.conflict("Claim is published", "Claim " + claimId + " belongs to a " + ticket.status
                    + " fact-check; start a correction to change it.");
        }
        Problems.requireVersion("Claim " + claimId, request.version(), claim.version);
        Priority priority = request.priority() == null ? claim.priority : request.priority();
        Instant deadline = instant(request.deadline());
        if (!actor.has(Roles.EDITOR) && (priority != claim.priority || !Objects.equals(deadline, claim.deadline))) {
            throw Problems.forbidden("Only editors set a claim's priority and deadline.");
        }
        AuditLog.Changes changes = audit.changes()
                .field("text", claim.text, request.text())
                .personal("claimant", claim.claimantSaltFor(request.claimant()), claim.claimant, request.claimant())
                .field("language", claim.language, request.language())
                .field("topics", claim.topics, topics(request))
                .field("priority", claim.priority, priority)
                .field("deadline", claim.deadline, deadline)
                .field("articleId", claim.article == null ? null : claim.article.id, request.articleId())
                .field("sourceStart", claim.sourceStart, request.sourceStart())
                .field("sourceEnd", claim.sourceEnd, request.sourceEnd())
                .field("appearances", claim.appearances.stream().map(a -> a.url).toList(),
                        request.appearances() == null ? List.of() : request.appearances().stream().map(ClaimRequest.Appearance::url).toList());
        apply(claim, request, Instant.now());
        ticket.priorityRank = claim.priorityRank;
        ticket.deadline = claim.deadline;
        claim.persistAndFlush();
        if (!changes.isEmpty()) {
            audit.ticket(actor, ticket, "claim.updated", null, null, changes);
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
        tickets.transition(duplicateTicket.id, TicketAction.DISCARD, actor,
                new TransitionRequest(null, null, "duplicate-of:" + originalId, null));
        List<String> moved = duplicate.appearances.stream().map(a -> a.url).toList();
        for (ClaimAppearance appearance : List.copyOf(duplicate.appearances)) {
            duplicate.appearances.remove(appearance);
            ClaimAppearance copy = new ClaimAppearance();
            copy.claim = original;
            copy.url = appearance.url;
            copy.appearedAt = appearance.appearedAt;
            original.appearances.add(copy);
        }
        duplicate.duplicateOf = originalId;
        duplicate.updatedAt = Instant.now();
        original.updatedAt = duplicate.updatedAt;
        audit.ticket(actor, duplicateTicket, "claim.marked-duplicate", null, null,
                audit.changes().value("duplicateOf", originalId).value("appearancesMoved", moved));
        if (!moved.isEmpty()) {
            audit.ticket(actor, originalTicket, "claim.appearances-merged", null, null,
                    audit.changes().value("fromClaim", claimId).value("appearances", moved));
        }
        return duplicateTicket;
    }

    /**
     * Records that the claim appeared again (e.g. in a newly taken-in article): the repeat becomes
     * another appearance of the existing claim instead of a new ticket. Adding an appearance the
     * claim already has changes nothing.
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
        ClaimAppearance appearance = new ClaimAppearance();
        appearance.claim = claim;
        appearance.url = url;
        appearance.appearedAt = appearedAt;
        claim.appearances.add(appearance);
        claim.updatedAt = Instant.now();
        claim.persistAndFlush();
        audit.ticket(actor, ticket, "claim.appearance-added", null, null,
                audit.changes().value("url", url).value("appearedAt", appearedAt));
        return ticket;
    }

    public Ticket ticketOf(long claimId) {
        Ticket ticket = Ticket.find("claim.id", claimId).firstResult();
        if (ticket == null) {
            throw Problems.notFound("Claim", claimId);
        }
        return ticket;
    }

    private Ticket lockTicketOf(long claimId) {
        return Ticket.lock(ticketOf(claimId).id);
    }

    private static void apply(Claim claim, ClaimRequest request, Instant now) {
        claim.text = request.text();
        claim.claimant = request.claimant();
        claim.claimantSaltFor(claim.claimant);
        claim.language = request.language();
        claim.topics = topics(request);
        claim.setPriority(request.priority() == null ? (claim.priority == null ? Priority.NORMAL : claim.priority)
                : request.priority());
        claim.deadline = instant(request.deadline());
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
                ClaimAppearance appearance = new ClaimAppearance();
                appearance.claim = claim;
                appearance.url = a.url();
                appearance.appearedAt = instant(a.appearedAt());
                claim.appearances.add(appearance);
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
