package org.factdesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import org.factdesk.audit.AuditHash;
import org.factdesk.audit.ChainHead;
import org.factdesk.claim.Claim;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;

/**
 * The fact-check of one claim. Its status only changes through the workflow's {@code TicketService}, by a {@link TransitionPlan}.
 */
@Entity
@DynamicUpdate
public class Ticket extends PanacheEntityBase implements ChainHead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne(fetch = FetchType.LAZY)
    public Claim claim;

    @Enumerated(EnumType.STRING)
    public TicketStatus status;

    /** Subject of the fact-checker working on it (kept after publication: it is their check). */
    public String assignee;

    /** Copied from the claim so that "claim next" needs one index scan. */
    public int priorityRank;

    public Instant deadline;

    /** Scheduled publication time; the ticket stays APPROVED until then. */
    public Instant publishAt;

    public int publishedVersions;

    /** The most versions a fact-check is published in (a correction beyond it is refused). */
    public static final int MAX_PUBLISHED_VERSIONS = 100;
    public static final String MAX_PUBLISHED_VERSIONS_TEXT = "" + MAX_PUBLISHED_VERSIONS;

    public Instant firstPublishedAt;

    /** When the public last saw a change: publication, correction or retraction (orders the feeds). */
    public Instant publicUpdatedAt;

    /** Sent back with request-changes and not submitted since (set and cleared by a {@link TransitionPlan}). */
    public boolean changesRequested;

    /** Reason of the last discard or retraction. */
    public String reason;

    /** Head of the ticket's audit chain (sequence and hash of its last event), kept by AuditLog. */
    public int auditSeq;

    public String auditHash = AuditHash.GENESIS;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    public boolean everPublished() {
        return publishedVersions > 0;
    }

    /** Loads the ticket and locks its row until the transaction ends: all writes to a ticket go through here. */
    public static Ticket lock(long id) {
        return Ticket.<Ticket>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Ticket", id));
    }

    /**
     * Locks the ticket for a change to one part of it, refusing (403/409) unless the policy lets
     * this person change that part now.
     */
    public static Ticket lockForEdit(long ticketId, TicketPolicy.Part part, Actor actor) {
        Ticket ticket = lock(ticketId);
        TicketPolicy.editRefusal(part, ticket, actor).ifPresent(refusal -> {
            throw refusal.problem(ticket, "Not editable now");
        });
        return ticket;
    }

    public static Ticket get(long id) {
        return Ticket.<Ticket>findByIdOptional(id).orElseThrow(() -> Problems.notFound("Ticket", id));
    }

    @Override
    public long chainId() {
        return id;
    }

    @Override
    public int headSeq() {
        return auditSeq;
    }

    @Override
    public String headHash() {
        return auditHash;
    }

    @Override
    public void moveHead(int seq, String hash) {
        auditSeq = seq;
        auditHash = hash;
    }

    @Override
    public String statusName() {
        return status.name();
    }
}
