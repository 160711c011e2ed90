package org.factdesk.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.common.Rows;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Takes audit checkpoints.
 *
 * <p>Event ids are handed out when a row is inserted, not when its transaction commits, so "all
 * events up to id N" can change meaning when a slow transaction commits later. A checkpoint
 * therefore covers transactions, not ids: every event whose writing transaction id is below the
 * oldest transaction still running when the checkpoint is taken ({@code pg_snapshot_xmin}).
 * Those transactions have all finished, so nothing can be added to a range once covered; later
 * commits fall into the next checkpoint.
 */
@ApplicationScoped
public class CheckpointService {

    private static final Logger LOG = Logger.getLogger(CheckpointService.class);
    private static final long CHECKPOINT_LOCK = 0x46616374_63686b70L;
    /** Events read per round trip while a checkpoint digests them. */
    private static final int FETCH_SIZE = 10_000;

    /** What a checkpoint covers: transactions below {@code belowTxid}, {@code events} new events, the highest id seen. */
    private record Covered(long belowTxid, long events, Long lastEventId) {
    }

    @Inject
    FactdeskConfig config;

    @Scheduled(every = "${factdesk.audit.checkpoint-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "10s")
    void scheduled() {
        AuditCheckpoint taken = take(DurationConverter.parseDuration(config.audit().checkpointEvery()).multipliedBy(9).dividedBy(10));
        if (taken != null) {
            LOG.debugf("Audit checkpoint %d covers %d new events", taken.seq, taken.eventCount);
        }
    }

    /** Takes a checkpoint over the events finished since the last one; null if there are none. */
    @Transactional
    public CheckpointView take() {
        AuditCheckpoint taken = take(Duration.ZERO);
        return taken == null ? null : CheckpointView.of(taken);
    }

    /** Every checkpoint, newest first. */
    @Transactional
    public Page<CheckpointView> page(PageRequest page) {
        return Page.of(AuditCheckpoint.<AuditCheckpoint>find("order by seq desc"), page).map(CheckpointView::of);
    }

    /** The newest checkpoint; 404 before the first one. */
    @Transactional
    public CheckpointView latest() {
        AuditCheckpoint latest = AuditCheckpoint.latest();
        if (latest == null) {
            throw Problems.notFound("Audit checkpoint", "latest");
        }
        return CheckpointView.of(latest);
    }

    /** Checkpoint number {@code seq}; 404 if there is none. */
    @Transactional
    public CheckpointView bySeq(int seq) {
        AuditCheckpoint checkpoint = AuditCheckpoint.bySeq(seq);
        if (checkpoint == null) {
            throw Problems.notFound("Audit checkpoint", seq);
        }
        return CheckpointView.of(checkpoint);
    }

    /**
     * As {@link #take()}, unless the last checkpoint is younger than {@code minAge}: every replica
     * runs the schedule, and the first one due takes the checkpoint for all.
     */
    @Transactional
    AuditCheckpoint take(Duration minAge) {
        var em = Panache.getEntityManager();
        // One checkpoint writer at a time, across replicas.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", CHECKPOINT_LOCK).getSingleResult();
        AuditCheckpoint previous = AuditCheckpoint.latest();
        if (previous != null && previous.createdAt.isAfter(Instant.now().minus(minAge))) {
            return null;
        }
        long fromTxid = previous == null ? 0 : previous.belowTxid;

        // One statement, so the horizon and the events read come from the same snapshot; read in slices, so that
        // the first checkpoint of a long trail (ten million events) is digested in constant memory.
        MessageDigest digest = AuditHash.newDigest();
        Long previousLast = previous == null ? null : previous.lastEventId;
        Covered covered = Rows.query("""
                WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS below)
                SELECT h.below, e.id, e.hash
                FROM horizon h LEFT JOIN audit_event e ON e.txid >= ? AND e.txid < h.below
                ORDER BY e.txid, e.id""", List.of(fromTxid), FETCH_SIZE, rows -> {
            long below = 0;
            long events = 0;
            Long last = previousLast;
            while (rows.next()) {
                below = rows.getLong(1);
                String hash = rows.getString(3);
                if (hash == null) {
                    break; // the horizon's row without an event: nothing new
                }
                AuditHash.addEvent(digest, hash);
                long id = rows.getLong(2);
                last = last == null ? id : Math.max(last, id);
                events++;
            }
            return new Covered(below, events, last);
        });
        long belowTxid = covered.belowTxid();
        long count = covered.events();
        if (count == 0 && previous != null) {
            return null;
        }
        Long lastEventId = covered.lastEventId();

        AuditCheckpoint checkpoint = new AuditCheckpoint();
        checkpoint.seq = previous == null ? 1 : previous.seq + 1;
        checkpoint.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        checkpoint.fromTxid = fromTxid;
        checkpoint.belowTxid = belowTxid;
        checkpoint.eventCount = count;
        checkpoint.totalEvents = (previous == null ? 0 : previous.totalEvents) + count;
        checkpoint.lastEventId = lastEventId;
        checkpoint.eventsDigest = AuditHash.hex(digest);
        checkpoint.prevHash = previous == null ? AuditHash.GENESIS : previous.hash;
        checkpoint.hash = AuditHash.checkpoint(checkpoint.seq, checkpoint.createdAt, fromTxid, belowTxid, count,
                checkpoint.totalEvents, lastEventId, checkpoint.eventsDigest, checkpoint.prevHash);
        checkpoint.persist();
        return checkpoint;
    }
}
