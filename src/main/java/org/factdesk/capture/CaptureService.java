package org.factdesk.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.LeasedOutbox;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.evidence.Evidence;
import org.factdesk.evidence.EvidenceRemoved;
import org.factdesk.evidence.EvidenceSaved;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketPolicy;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Preserved copies of sources: queued when evidence is added (or on demand), stored with their digests
 * in the ticket's audit chain when the {@link CaptureWorker} has recorded them. A capture is reviewed
 * content: asking for one needs the person's right to edit the ticket's evidence now.
 */
@ApplicationScoped
@Transactional
public class CaptureService {

    /** The most captures one evidence item may have; each retry is one. */
    public static final int MAX_PER_EVIDENCE = 20;

    static final LeasedOutbox QUEUE = new LeasedOutbox("Capture", "capture", "", false);

    @Inject
    FactdeskConfig config;

    @Inject
    AuditLog audit;

    @Inject
    CaptureStore store;

    @Inject
    ObjectMapper json;

    /** A capture for evidence just added or pointed at a new URL, in the same transaction. */
    void onEvidenceSaved(@Observes EvidenceSaved saved) {
        if (config.captures().onEntry()) {
            Capture.newFor(saved.ticketId(), saved.evidenceId(), saved.url(), saved.actor(), Instant.now()).persist();
        }
    }

    /** A removed item's captures that have not run yet are not needed any more. */
    void onEvidenceRemoved(@Observes EvidenceRemoved removed) {
        Capture.delete("evidenceId = ?1 and state = ?2", removed.evidenceId(), Capture.State.PENDING);
    }

    /** Asks for a new capture of an evidence item's source: again after a failure, or a fresher copy. */
    public CaptureView request(long ticketId, long evidenceId, Actor actor) {
        Ticket ticket = Ticket.lockForEdit(ticketId, TicketPolicy.Part.EVIDENCE, actor);
        Evidence evidence = Evidence.findById(evidenceId);
        if (evidence == null || evidence.ticketId != ticketId) {
            throw Problems.notFound("Evidence", evidenceId + " of ticket " + ticketId);
        }
        Capture latest = Capture.latestOf(evidenceId);
        if (latest != null && latest.state == Capture.State.PENDING) {
            throw Problems.conflict("Capture under way", "A preserved copy of this source is being made; wait for it.");
        }
        if (Capture.count("evidenceId", evidenceId) >= MAX_PER_EVIDENCE) {
            throw Problems.conflict("Capture limit reached", "Evidence " + evidenceId + " has " + MAX_PER_EVIDENCE
                    + " captures, the most one source may have.");
        }
        Capture capture = Capture.newFor(ticketId, evidenceId, evidence.url, actor.subject(), Instant.now());
        capture.persistAndFlush();
        audit.ticket(actor, ticket, AuditAction.EVIDENCE_CAPTURE_REQUESTED, null, null, audit.changes()
                .value("evidenceId", evidenceId).value("captureId", capture.id).value("url", capture.url));
        return CaptureView.of(capture, null);
    }

    /** The newest capture of each of the ticket's evidence items, in the items' order. */
    public Page<CaptureView> latestOfTicket(long ticketId, PageRequest page) {
        Ticket.get(ticketId);
        return views(Page.of(Capture.<Capture>find("""
                from Capture newest where newest.ticketId = ?1 and newest.evidenceId is not null
                and newest.id = (select max(c.id) from Capture c where c.evidenceId = newest.evidenceId)
                order by newest.evidenceId""", ticketId), page));
    }

    /** Captures as the desk sees them, with the link watch over those a published version cites. */
    private static Page<CaptureView> views(Page<Capture> page) {
        Map<Long, SourceWatch> watches = new HashMap<>();
        SourceWatch.of(page.items().stream().map(c -> c.id).toList()).forEach(w -> watches.put(w.captureId, w));
        return page.map(c -> CaptureView.of(c, watches.get(c.id)));
    }

    /** The link watch's finding on one of the ticket's captures, with both texts for a diff. */
    public WatchDiffView watchDiff(long ticketId, long captureId) {
        Capture capture = Capture.findById(captureId);
        SourceWatch watch = SourceWatch.findById(captureId);
        if (capture == null || capture.ticketId != ticketId || watch == null) {
            throw Problems.notFound("Link watch of capture", captureId + " of ticket " + ticketId);
        }
        return new WatchDiffView(CaptureView.WatchView.of(watch), capture.capturedAt, capture.text, watch.currentText);
    }

    /** Every capture of one evidence item, newest first (at most {@link #MAX_PER_EVIDENCE}). */
    public Page<CaptureView> ofEvidence(long ticketId, long evidenceId, PageRequest page) {
        Ticket.get(ticketId);
        return views(Page.of(Capture.<Capture>find("ticketId = ?1 and evidenceId = ?2 order by id desc", ticketId,
                evidenceId), page));
    }

    /**
     * The cited items whose capture has not had its first attempt yet: a verdict citing them cannot go to
     * review. One that failed an attempt and waits for the next no longer holds the verdict back: see
     * {@link #settleForReview}.
     */
    public List<Long> stillCapturing(Collection<Long> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return List.of();
        }
        return Capture.<Capture>list("evidenceId in ?1 and state = ?2 and attempts = 0 order by evidenceId", evidenceIds,
                        Capture.State.PENDING).stream().map(c -> c.evidenceId).distinct().toList();
    }

    /**
     * At submission, captures still waiting to retry fail for good, each with its event: the reviewer
     * reviews the failure they see, and nothing changes under review. The caller holds the ticket's lock.
     */
    public void settleForReview(Ticket ticket, Actor actor) {
        List<Capture> retrying = Capture.list("ticketId = ?1 and state = ?2 and attempts > 0 order by id", ticket.id,
                Capture.State.PENDING);
        for (Capture capture : retrying) {
            Panache.getEntityManager().createNativeQuery("""
                            UPDATE capture SET state = 'FAILED', next_at = NULL, lease_until = NULL, lease_token = NULL
                            WHERE id = :id""").setParameter("id", capture.id).executeUpdate();
            audit.ticket(actor, ticket, AuditAction.EVIDENCE_CAPTURE_FAILED, null, null, audit.changes()
                    .value("evidenceId", capture.evidenceId).value("captureId", capture.id).value("url", capture.url)
                    .value("reason", "given up at submission for review: " + capture.error));
        }
    }

    /** The newest capture of each item, for a version's sources to point at; items never captured are absent. */
    public Map<Long, Capture> newestOf(Collection<Long> evidenceIds) {
        Map<Long, Capture> newest = new HashMap<>();
        if (!evidenceIds.isEmpty()) {
            for (Capture c : Capture.<Capture>list("evidenceId in ?1 order by id", evidenceIds)) {
                newest.put(c.evidenceId, c);
            }
        }
        return newest;
    }

    /** Puts published sources' finished captures under the link watch. */
    public void watch(Collection<Long> captureIds) {
        for (Long id : captureIds) {
            Panache.getEntityManager().createNativeQuery("""
                            INSERT INTO source_watch (capture_id, next_check)
                            SELECT id, now() + make_interval(secs => :after) FROM capture WHERE id = :id AND state = 'DONE'
                            ON CONFLICT (capture_id) DO NOTHING""")
                    .setParameter("id", id).setParameter("after", (double) config.captures().watchInterval().toSeconds())
                    .executeUpdate();
        }
    }

    /** A capture by its address's id and key, for reading its copy; empty when either does not match. */
    public Optional<Capture> byKey(long id, String key) {
        Capture capture = Capture.findById(id);
        if (capture == null || !java.security.MessageDigest.isEqual(capture.viewKey.getBytes(), key.getBytes())) {
            return Optional.empty();
        }
        return Optional.of(capture);
    }

    /**
     * Erases a finished capture's copy (its WARC, unless another capture keeps the same bytes, and its
     * text); its digest stays, for the trail. Answers when it was erased before, if it was.
     */
    public Optional<Instant> erase(long captureId, Instant now) {
        Capture capture = Capture.findById(captureId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (capture == null || capture.state != Capture.State.DONE) {
            throw Problems.notFound("Preserved copy", captureId);
        }
        if (capture.erasedAt != null) {
            return Optional.of(capture.erasedAt);
        }
        capture.erasedAt = now;
        capture.text = null;
        capture.records = null;
        capture.persistAndFlush();
        store.deleteIfUnused(capture.warcDigest);
        Panache.getEntityManager().createNativeQuery("DELETE FROM source_watch WHERE capture_id = :id")
                .setParameter("id", captureId).executeUpdate();
        return Optional.empty();
    }

    /** The ticket and URL of a leased capture, read before recording it. */
    Optional<Capture> get(long id) {
        return Capture.findByIdOptional(id);
    }

    /**
     * Stores a recorded capture and its event, if the lease is still this worker's: the WARC under its
     * digest, the capture {@code DONE}, and {@code evidence.captured} with the digests in the ticket's chain.
     */
    boolean complete(LeasedOutbox.Lease lease, long ticketId, PageRecorder.Recorded recorded, String digest, long size) {
        Ticket ticket = Ticket.lock(ticketId);
        if (QUEUE.recordHere(lease, "DONE", null, config.captures().maxAttempts()).isEmpty()) {
            return false;
        }
        store.put(recorded.warc(), digest);
        Capture capture = Capture.findById(lease.id());
        capture.capturedAt = Instant.now();
        capture.warcDigest = digest;
        capture.warcSize = size;
        capture.pageStatus = recorded.status();
        capture.pageType = recorded.contentType();
        capture.finalUrl = recorded.finalUrl();
        capture.truncated = recorded.truncated();
        capture.text = recorded.text();
        capture.records = json.valueToTree(recorded.entries());
        List<Map<String, Object>> digests = recorded.entries().stream().filter(e -> e.payloadDigest() != null)
                .map(e -> Map.<String, Object>of("uri", e.uri(), "payloadDigest", e.payloadDigest())).toList();
        audit.ticket(Actor.SYSTEM, ticket, AuditAction.EVIDENCE_CAPTURED, null, null, audit.changes()
                .value("evidenceId", capture.evidenceId).value("captureId", capture.id).value("url", capture.url)
                .value("warcDigest", digest).value("warcSize", size).value("status", recorded.status())
                .value("truncated", recorded.truncated()).value("records", digests));
        return true;
    }

    /** Records a failed attempt; the last one fails the capture, with its event in the ticket's chain. */
    void fail(LeasedOutbox.Lease lease, long ticketId, String reason) {
        Ticket ticket = Ticket.lock(ticketId);
        Optional<String> state = QUEUE.recordHere(lease, "PENDING", reason, config.captures().maxAttempts());
        if (state.isPresent() && state.get().equals("FAILED")) {
            Capture capture = Capture.findById(lease.id());
            audit.ticket(Actor.SYSTEM, ticket, AuditAction.EVIDENCE_CAPTURE_FAILED, null, null, audit.changes()
                    .value("evidenceId", capture.evidenceId).value("captureId", capture.id).value("url", capture.url)
                    .value("reason", capture.error));
        }
    }
}
