package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes requesters' contacts once the desk no longer needs them, {@code tipContactRetentionDays} (desk
 * settings) after:
 * <ul>
 * <li>the <b>final answer</b>: the tip's latest answer is no longer waiting (SENT, or FAILED after its
 * last attempt) and no further answer is coming — the tip's group is attached to no claim (an automatic
 * answer), or its claim's ticket is PUBLISHED or RETRACTED (not back in work for a correction, which
 * would be answered again). The time is when that answer was sent, or written if it was given up;</li>
 * <li>or the tip was <b>not taken up</b>: its group was dismissed, or its claim's ticket discarded, and
 * both that and the tip are older than the period (the desk may change its mind within it).</li>
 * </ul>
 * Answers still waiting for a removed contact are dropped. Runs once across replicas: each batch takes a
 * transaction-scoped advisory lock with {@code pg_try_advisory_xact_lock} and the job stops when another
 * replica holds it. Set-based, at most {@link #BATCH} tips a transaction.
 */
@ApplicationScoped
public class TipRetention {

    private static final Logger LOG = Logger.getLogger(TipRetention.class);

    static final long RETENTION_LOCK = 0x7469_7072_6574L; // "tipret"

    static final int BATCH = 1000;

    static final String REMOVE_DUE = """
            WITH keep AS (SELECT now() - make_interval(days => tip_contact_retention_days) AS before
                          FROM desk_settings WHERE id = 1),
            due AS (
                SELECT t.id FROM keep, tip t
                JOIN tip_group g ON g.id = t.group_id
                LEFT JOIN ticket k ON k.claim_id = g.claim_id
                LEFT JOIN LATERAL (SELECT a.state, coalesce(a.sent_at, a.created_at) AS at FROM tip_answer a
                                   WHERE a.tip_id = t.id ORDER BY a.id DESC LIMIT 1) last ON true
                WHERE t.contact IS NOT NULL AND (
                    (last.state IN ('SENT', 'FAILED') AND last.at < keep.before
                     AND (g.claim_id IS NULL OR k.status IN ('PUBLISHED', 'RETRACTED')))
                    OR (g.dismissed_at < keep.before AND t.received_at < keep.before)
                    OR (k.status = 'DISCARDED' AND k.updated_at < keep.before AND t.received_at < keep.before))
                ORDER BY t.id LIMIT :batch
                FOR UPDATE OF t SKIP LOCKED)
            UPDATE tip SET contact = NULL, contact_salt = NULL, contact_removed_at = now()
            FROM due WHERE tip.id = due.id""";

    /** What a run did; {@code ran} false when another replica was running it. */
    public record Outcome(boolean ran, int removed, int dropped) {
    }

    @Scheduled(every = "${factdesk.tips.retention-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Outcome outcome = run();
        if (outcome.removed() > 0 || outcome.dropped() > 0) {
            LOG.infof("Tip retention: %d contacts deleted, %d waiting answers dropped", outcome.removed(), outcome.dropped());
        }
    }

    /** Deletes every contact that is due, batch by batch; stops at once if another replica is at it. */
    public Outcome run() {
        int removed = 0;
        int dropped = 0;
        while (true) {
            int[] batch = QuarkusTransaction.requiringNew().call(() -> {
                var em = Panache.getEntityManager();
                boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                        .setParameter("key", RETENTION_LOCK).getSingleResult();
                if (!mine) {
                    return null;
                }
                int gone = em.createNativeQuery(REMOVE_DUE).setParameter("batch", BATCH).executeUpdate();
                int orphans = gone < BATCH ? em.createNativeQuery(TipContacts.DROP_ORPHANED).executeUpdate() : 0;
                return new int[] {gone, orphans};
            });
            if (batch == null) {
                return new Outcome(removed > 0 || dropped > 0, removed, dropped);
            }
            removed += batch[0];
            dropped += batch[1];
            if (batch[0] < BATCH) {
                return new Outcome(true, removed, dropped);
            }
        }
    }
}
