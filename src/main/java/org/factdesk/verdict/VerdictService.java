package org.factdesk.verdict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.capture.Capture;
import org.factdesk.capture.CaptureService;
import org.factdesk.capture.CaptureView;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimAppearance;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.evidence.Evidence;
import org.factdesk.evidence.EvidenceRemoved;
import org.factdesk.people.DeskDirectory;
import org.factdesk.rating.Rating;
import org.factdesk.rating.RatingScale;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Drafts, publishes and corrects verdicts. A published version is never changed again. */
@ApplicationScoped
@Transactional
public class VerdictService {

    @Inject
    CaptureService captures;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    DeskDirectory directory;

    public VerdictView.Overview overview(long ticketId) {
        Ticket.get(ticketId);
        VerdictVersion draft = VerdictVersion.draftOf(ticketId);
        DeskDirectory.Names names = directory.names();
        return new VerdictView.Overview(draft == null ? null : VerdictView.of(draft, names),
                VerdictVersion.publishedOf(ticketId).stream().map(v -> VerdictView.of(v, names)).toList());
    }

    public VerdictView saveDraft(long ticketId, Actor actor, VerdictDraftRequest request) {
        Ticket ticket = Ticket.lockForEdit(ticketId, TicketPolicy.Part.VERDICT, actor);
        VerdictVersion draft = VerdictVersion.draftOf(ticketId);
        if (draft == null) {
            if (request.version() != null) {
                throw Problems.staleVersion("The verdict draft", request.version(), -1);
            }
            draft = new VerdictVersion();
            draft.ticketId = ticketId;
            draft.state = VerdictVersion.State.DRAFT;
        } else {
            Problems.requireVersion("The verdict draft", request.version(), draft.version);
        }
        if (request.ratingId() != null) {
            requireActiveRating(request.ratingId());
        }
        Long[] evidenceIds = citedEvidence(ticket, request.evidenceIds());
        if (request.correctionNote() != null && !ticket.everPublished()) {
            throw Problems.badRequest("Field 'correctionNote' applies only to the correction of a published verdict.");
        }
        AuditLog.Changes changes = audit.changes()
                .field("ratingId", draft.ratingId, request.ratingId())
                .field("headline", draft.headline, request.headline())
                .field("summary", draft.summary, request.summary())
                .field("explanation", draft.explanation, request.explanation())
                .field("evidenceIds", draft.evidenceIds, evidenceIds)
                .field("correctionNote", draft.correctionNote, request.correctionNote());
        draft.ratingId = request.ratingId();
        draft.headline = request.headline();
        draft.summary = request.summary();
        draft.explanation = request.explanation();
        draft.evidenceIds = evidenceIds;
        draft.correctionNote = request.correctionNote();
        draft.updatedAt = Instant.now();
        draft.persistAndFlush();
        if (!changes.isEmpty()) {
            audit.ticket(actor, ticket, AuditAction.VERDICT_DRAFTED, null, null, changes);
        }
        return VerdictView.of(draft, directory.names());
    }

    /** Refuses a submission without evidence or with an incomplete draft, naming what is missing. */
    public void requireSubmittable(Ticket ticket) {
        if (Evidence.count("ticketId", ticket.id) == 0) {
            throw Problems.conflict("Not ready for review", "Add at least one evidence item before submitting.");
        }
        VerdictVersion draft = VerdictVersion.draftOf(ticket.id);
        List<String> missing = new ArrayList<>();
        if (draft == null || draft.ratingId == null) missing.add("ratingId");
        if (draft == null || isBlank(draft.headline)) missing.add("headline");
        if (draft == null || isBlank(draft.summary)) missing.add("summary");
        if (draft == null || isBlank(draft.explanation)) missing.add("explanation");
        if (draft == null || draft.evidenceIds.length == 0) missing.add("evidenceIds");
        if (ticket.everPublished() && (draft == null || isBlank(draft.correctionNote))) missing.add("correctionNote");
        if (missing.isEmpty()) {
            // Captures are reviewed content: the reviewer sees each source's copy, or why there is none.
            List<Long> capturing = captures.stillCapturing(Arrays.asList(draft.evidenceIds));
            if (!capturing.isEmpty()) {
                throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Sources still being preserved")
                        .withDetail("Wait until the preserved copies of the cited sources are made or have failed"
                                + " (evidence " + capturing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                                + ").")
                        .with("capturing", capturing).build();
            }
        }
        if (!missing.isEmpty()) {
            // The detail is for a person; "missing" keeps the field names for the app to point at.
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Not ready for review")
                    .withDetail("The verdict draft is incomplete: " + humanList(missing)
                            + (missing.size() == 1 ? " is" : " are") + " missing.")
                    .with("missing", missing).build();
        }
    }

    /** How a person names the draft's fields. */
    private static final Map<String, String> FIELD_NAMES = Map.of("ratingId", "rating", "headline", "headline",
            "summary", "summary", "explanation", "explanation", "evidenceIds", "at least one cited source",
            "correctionNote", "correction note");

    /** "rating, summary and explanation". */
    static String humanList(List<String> fields) {
        List<String> names = fields.stream().map(FIELD_NAMES::get).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Turns the reviewed draft into the next published version, freezing the claim and the evidence it cites. */
    public VerdictVersion publishDraft(Ticket ticket, Actor actor, Instant now) {
        VerdictVersion draft = VerdictVersion.draftOf(ticket.id);
        if (draft == null) {
            throw Problems.conflict("Nothing to publish", "The ticket has no reviewed verdict draft.");
        }
        freeze(draft, ticket, now);
        List<Long> preserved = new ArrayList<>();
        draft.sources.forEach(source -> {
            if (source.path("capture").path("state").asText().equals("DONE")) {
                preserved.add(source.path("capture").path("id").asLong());
            }
        });
        captures.watch(preserved);
        draft.publishedBy = actor.subject();
        ticket.publishedVersions = draft.number;
        return draft;
    }

    /**
     * The version publishing the reviewed draft now would make, built the same way but never stored
     * (a new, unmanaged object: the draft, the ticket and the evidence are left as they are).
     */
    public VerdictVersion wouldPublish(Ticket ticket, Instant now) {
        VerdictVersion draft = VerdictVersion.draftOf(ticket.id);
        if (draft == null) {
            throw Problems.conflict("Nothing to preview", "The ticket has no reviewed verdict draft.");
        }
        VerdictVersion next = draft.authoredCopy();
        next.correctionNote = draft.correctionNote;
        freeze(next, ticket, now);
        return next;
    }

    /** Freezes the claim (as reviewed) and the cited evidence into the version and numbers it as the next published one. */
    private void freeze(VerdictVersion version, Ticket ticket, Instant now) {
        ArrayNode sources = json.createArrayNode();
        Map<Long, Capture> copies = captures.newestOf(Arrays.asList(version.evidenceIds));
        for (Evidence evidence : Evidence.<Evidence>list("id in ?1 order by id", Arrays.asList(version.evidenceIds))) {
            ObjectNode source = sources.addObject()
                    .put("id", evidence.id)
                    .put("url", evidence.url)
                    .put("title", evidence.title)
                    .put("excerpt", evidence.excerpt)
                    .put("sourceKind", evidence.sourceKind.name())
                    .put("stance", evidence.stance.name())
                    .put("accessedOn", evidence.accessedOn.toString())
                    .put("archiveUrl", evidence.archiveUrl);
            Capture copy = copies.get(evidence.id);
            if (copy != null) {
                // The exact capture this version relied on: its digest is the one in the audit trail.
                source.putObject("capture").put("id", copy.id).put("state", copy.state.name())
                        .put("capturedAt", copy.capturedAt == null ? null : copy.capturedAt.toString())
                        .put("warcDigest", copy.warcDigest)
                        .put("path", copy.state == Capture.State.DONE ? CaptureView.viewPath(copy.id, copy.viewKey) : null);
            }
        }
        version.sources = sources;
        // The claim was frozen since review: this is the claim the reviewer approved.
        Claim claim = ticket.claim;
        version.claimText = claim.text;
        version.claimant = claim.claimant;
        version.claimLanguage = claim.language;
        version.claimTopics = claim.topics.clone();
        ArrayNode appearances = json.createArrayNode();
        for (ClaimAppearance appearance : claim.reviewedAppearances()) {
            appearances.addObject().put("url", appearance.url)
                    .put("appearedAt", appearance.appearedAt == null ? null : appearance.appearedAt.toString());
        }
        version.appearances = appearances;
        version.state = VerdictVersion.State.PUBLISHED;
        version.number = ticket.publishedVersions + 1;
        version.publishedAt = now;
        version.updatedAt = now;
    }

    /** A correction starts from the published text; the published version stays public meanwhile. */
    public void startCorrection(Ticket ticket, Instant now) {
        if (VerdictVersion.draftOf(ticket.id) != null) {
            return;
        }
        VerdictVersion published = VerdictVersion.latestPublishedOf(ticket.id);
        Set<Long> remaining = Evidence.<Evidence>list("ticketId", ticket.id).stream().map(e -> e.id)
                .collect(Collectors.toSet());
        VerdictVersion draft = published.authoredCopy();
        draft.state = VerdictVersion.State.DRAFT;
        draft.evidenceIds = Arrays.stream(published.evidenceIds).filter(remaining::contains).toArray(Long[]::new);
        draft.updatedAt = now;
        draft.persist();
    }

    /** Evidence removed from a ticket is no longer cited by its draft (in the removing transaction). */
    void forgetEvidence(@Observes EvidenceRemoved removed) {
        VerdictVersion draft = VerdictVersion.draftOf(removed.ticketId());
        if (draft != null) {
            draft.evidenceIds = Arrays.stream(draft.evidenceIds).filter(id -> id != removed.evidenceId())
                    .toArray(Long[]::new);
        }
    }

    private static void requireActiveRating(long ratingId) {
        Rating rating = Rating.findById(ratingId);
        RatingScale active = RatingScale.findActive();
        if (rating == null || active == null || !rating.scale.id.equals(active.id)) {
            throw Problems.badRequest("Field 'ratingId': rating " + ratingId + " is not part of the desk's active rating scale.");
        }
    }

    private static Long[] citedEvidence(Ticket ticket, List<Long> requested) {
        if (requested == null || requested.isEmpty()) {
            return new Long[0];
        }
        Set<Long> ids = new LinkedHashSet<>(requested);
        if (ids.contains(null)) {
            throw Problems.badRequest("Field 'evidenceIds' must not contain null.");
        }
        long found = Evidence.count("ticketId = ?1 and id in ?2", ticket.id, ids);
        if (found != ids.size()) {
            throw Problems.badRequest("Field 'evidenceIds' names evidence that does not belong to ticket " + ticket.id + ".");
        }
        return ids.toArray(Long[]::new);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
