package org.factdesk.common;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The lease and the record of an outbox whose rows are sent after their commit (notification mail,
 * answers to tips). Due rows are leased in a short transaction of their own ({@code FOR UPDATE SKIP
 * LOCKED}, so each goes to one replica at a time) to a fresh lease token; the caller sends without a
 * transaction open; the outcome is recorded only while the lease is still this sender's (the token in
 * the {@code WHERE}: a takeover since wins). A failed attempt is retried 1, 2, 4 … minutes later (at
 * most an hour apart) until {@code maxAttempts}, then {@code FAILED}. A lease that runs out (a crash
 * mid-send) makes the row due again: at least once, never a change undone by a send.
 *
 * <p>The table has {@code id} and, under a common prefix, {@code state} ({@code PENDING} while due),
 * {@code attempts}, {@code next_at}, {@code lease_until}, {@code lease_token} and {@code error}.
 */
public final class LeasedOutbox {

    private static final Logger LOG = Logger.getLogger(LeasedOutbox.class);

    /** The longest error a row keeps. */
    public static final int ERROR_MAX = 500;

    /** A leased row: the outcome counts only with this token. */
    public record Lease(long id, UUID token) {
    }

    private final String what;
    private final String leaseSql;
    private final String recordSql;

    /**
     * @param what        what a row is, for the log ("Notification mail")
     * @param table       the outbox table
     * @param prefix      its columns' prefix ({@code mail_}, or empty)
     * @param keepsSentAt whether the table has a {@code sent_at} column, set when a row is {@code SENT}
     */
    public LeasedOutbox(String what, String table, String prefix, boolean keepsSentAt) {
        this.what = what;
        String p = prefix;
        this.leaseSql = """
                WITH due AS (
                    SELECT id FROM %1$s
                    WHERE %2$sstate = 'PENDING' AND %2$snext_at <= now()
                      AND (%2$slease_until IS NULL OR %2$slease_until < now())
                    ORDER BY %2$snext_at, id LIMIT :batch
                    FOR UPDATE SKIP LOCKED)
                UPDATE %1$s SET %2$slease_until = now() + make_interval(secs => :lease), %2$slease_token = :token
                FROM due WHERE %1$s.id = due.id
                RETURNING %1$s.id""".formatted(table, p);
        // Attempts, state, next time and error in one conditional write; the retry interval is
        // 2^(attempts before) minutes, at most 60, the same as MailSender had in Java.
        this.recordSql = """
                UPDATE %1$s SET %2$sattempts = %2$sattempts + 1,
                       %2$sstate = CASE WHEN CAST(:state AS text) = 'PENDING' AND %2$sattempts + 1 >= :max THEN 'FAILED'
                                        ELSE CAST(:state AS text) END,
                       %2$snext_at = CASE WHEN CAST(:state AS text) = 'PENDING' AND %2$sattempts + 1 < :max
                                          THEN now() + make_interval(mins => least(60, 1 << least(%2$sattempts, 6)))
                                          END,
                       %2$serror = CAST(:error AS text), %2$slease_until = NULL, %2$slease_token = NULL%3$s
                WHERE id = :id AND %2$slease_token = :token
                RETURNING %2$sstate, %2$sattempts""".formatted(table, p,
                keepsSentAt ? ", sent_at = CASE WHEN CAST(:state AS text) = 'SENT' THEN now() END" : "");
    }

    /** Leases up to {@code batch} due rows for {@code leaseTime}, in a transaction of its own; oldest due first. */
    public List<Lease> lease(int batch, Duration leaseTime) {
        UUID token = UUID.randomUUID();
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> leased = Panache.getEntityManager().createNativeQuery(leaseSql)
                    .setParameter("batch", batch).setParameter("lease", (double) leaseTime.toSeconds())
                    .setParameter("token", token).getResultList();
            return leased.stream().map(Number::longValue).sorted().toList();
        });
        return ids.stream().map(id -> new Lease(id, token)).toList();
    }

    /**
     * Leases due rows and hands each to {@code send}, one after the other. A row whose send fails
     * unexpectedly is logged and left to its lease, which runs out and makes it due again; an outbox that
     * cannot be read is logged and sends nothing this round. Answers how many rows were leased.
     */
    public int sendDue(int batch, Duration leaseTime, Consumer<Lease> send) {
        List<Lease> leases;
        try {
            leases = lease(batch, leaseTime);
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s: the outbox could not be read", what);
            return 0;
        }
        for (Lease lease : leases) {
            try {
                send.accept(lease);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s %d failed unexpectedly", what, lease.id());
            }
        }
        return leases.size();
    }

    /**
     * Records an outcome if the lease is still this sender's, in a transaction of its own: {@code PENDING}
     * with an error is a failed attempt (retried later, or {@code FAILED} after the last one); any other
     * state is final. Answers whether the lease was still this sender's.
     */
    public boolean record(Lease lease, String state, String error, int maxAttempts) {
        return QuarkusTransaction.requiringNew().call(() -> recordHere(lease, state, error, maxAttempts)).isPresent();
    }

    /**
     * {@link #record} in the caller's transaction, for an outcome that commits with other writes (an
     * audit event); answers the row's state after it, empty when the lease is no longer this sender's.
     */
    public Optional<String> recordHere(Lease lease, String state, String error, int maxAttempts) {
        String kept = error == null ? null : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        List<?> rows = Panache.getEntityManager().createNativeQuery(recordSql).setParameter("state", state)
                .setParameter("error", kept).setParameter("max", maxAttempts).setParameter("id", lease.id())
                .setParameter("token", lease.token()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if ("FAILED".equals(row[0]) && "PENDING".equals(state)) {
            LOG.warnf("%s %d given up after %s attempts: %s", what, lease.id(), row[1], error);
        }
        return Optional.of((String) row[0]);
    }
}
