package org.factdesk.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketPolicy;

import java.time.Instant;
import java.util.List;

/** Evidence is reviewed content: it changes only when {@link TicketPolicy} lets the person edit it. */
@ApplicationScoped
@Transactional
public class EvidenceService {

    @Inject
    AuditLog audit;

    @Inject
    Event<EvidenceRemoved> removed;

    @Inject
    Event<EvidenceSaved> saved;

    public Page<Evidence> page(long ticketId, PageRequest page) {
        Ticket.get(ticketId);
        return Page.of(Evidence.<Evidence>find("ticketId = ?1 order by id", ticketId), page);
    }

    public Evidence add(long ticketId, Actor actor, EvidenceRequest request) {
        Ticket ticket = Ticket.lockForEdit(ticketId, TicketPolicy.Part.EVIDENCE, actor);
        if (request.version() != null) {
            throw Problems.badRequest("Field 'version' is read-only when adding evidence.");
        }
        // Counted under the ticket's row lock, so concurrent additions cannot pass the limit together.
        if (Evidence.count("ticketId", ticketId) >= Evidence.MAX_PER_TICKET) {
            throw Problems.conflict("Evidence limit reached", "Ticket " + ticketId + " already has "
                    + Evidence.MAX_PER_TICKET + " evidence items, the most one ticket may have; remove one first.");
        }
        Evidence evidence = new Evidence();
        evidence.ticketId = ticketId;
        evidence.createdBy = actor.subject();
        evidence.createdAt = Instant.now();
        AuditLog.Changes changes = describe(evidence, request);
        apply(evidence, request, evidence.createdAt);
        evidence.persistAndFlush();
        audit.ticket(actor, ticket, AuditAction.EVIDENCE_ADDED, null, null, changes.value("evidenceId", evidence.id));
        saved.fire(new EvidenceSaved(ticketId, evidence.id, evidence.url, actor.subject()));
        return evidence;
    }

    public Evidence update(long ticketId, long evidenceId, Actor actor, EvidenceRequest request) {
        Ticket ticket = Ticket.lockForEdit(ticketId, TicketPolicy.Part.EVIDENCE, actor);
        Evidence evidence = get(ticketId, evidenceId);
        Problems.requireVersion("Evidence " + evidenceId, request.version(), evidence.version);
        AuditLog.Changes changes = describe(evidence, request);
        boolean newUrl = !evidence.url.equals(request.url());
        apply(evidence, request, Instant.now());
        evidence.persistAndFlush();
        if (!changes.isEmpty()) {
            audit.ticket(actor, ticket, AuditAction.EVIDENCE_UPDATED, null, null, changes.value("evidenceId", evidenceId));
        }
        if (newUrl) {
            saved.fire(new EvidenceSaved(ticketId, evidenceId, evidence.url, actor.subject()));
        }
        return evidence;
    }

    public void remove(long ticketId, long evidenceId, Actor actor, Long version) {
        Ticket ticket = Ticket.lockForEdit(ticketId, TicketPolicy.Part.EVIDENCE, actor);
        Evidence evidence = get(ticketId, evidenceId);
        if (version == null) {
            throw Problems.badRequest("Parameter 'version' is required: send the version of the evidence you read (?version=).");
        }
        Problems.requireVersion("Evidence " + evidenceId, version, evidence.version);
        removed.fire(new EvidenceRemoved(ticketId, evidenceId));
        evidence.delete();
        audit.ticket(actor, ticket, AuditAction.EVIDENCE_REMOVED, null, null, audit.changes()
                .value("evidenceId", evidenceId).value("url", evidence.url).value("title", evidence.title));
    }

    private Evidence get(long ticketId, long evidenceId) {
        Evidence evidence = Evidence.findById(evidenceId);
        if (evidence == null || evidence.ticketId != ticketId) {
            throw Problems.notFound("Evidence", evidenceId + " of ticket " + ticketId);
        }
        return evidence;
    }

    private AuditLog.Changes describe(Evidence e, EvidenceRequest r) {
        return audit.changes()
                .field("url", e.url, r.url())
                .field("title", e.title, r.title())
                .field("excerpt", e.excerpt, r.excerpt())
                .field("sourceKind", e.sourceKind, r.sourceKind())
                .field("stance", e.stance, r.stance())
                .field("accessedOn", e.accessedOn, r.accessedOn())
                .field("archiveUrl", e.archiveUrl, r.archiveUrl());
    }

    private static void apply(Evidence e, EvidenceRequest r, Instant now) {
        e.url = r.url();
        e.title = r.title();
        e.excerpt = r.excerpt();
        e.sourceKind = r.sourceKind();
        e.stance = r.stance();
        e.accessedOn = r.accessedOn();
        e.archiveUrl = r.archiveUrl();
        e.updatedAt = now;
    }
}
