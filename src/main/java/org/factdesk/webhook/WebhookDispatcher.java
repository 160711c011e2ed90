package org.factdesk.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.desk.DeskSettings;
import org.factdesk.outbound.OutboundClient;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Sends the outbox. Due deliveries are leased in one short transaction ({@code SKIP LOCKED}, so
 * each goes to one replica at a time) with a fresh lease token, sent without holding a
 * transaction, and the outcome is recorded afterwards only if the token is still the
 * delivery's. A lease that runs out (a crash mid-send) makes the delivery due again: receivers
 * may see a message twice, never zero times, and can drop repeats by {@code webhook-id}.
 * <p>
 * Up to {@code factdesk.webhooks.concurrency} deliveries are in flight at once, at most one per
 * endpoint, each bounded by the total deadline of {@link OutboundClient}: a slow receiver holds
 * one sender for at most {@code factdesk.webhooks.timeout} and never the others. Only active
 * endpoints are sent to.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ATTEMPTS = 12;
    /** The longest error a delivery keeps. */
    static final int ERROR_MAX = 500;
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    @Inject
    OutboundClient outbound;

    @Inject
    FactdeskConfig config;

    @Inject
    MeterRegistry registry;

    /** The counter of failed attempts (each retried, up to the last), for the operators' alert. */
    public static final String FAILURES = "factdesk.webhooks.failures";

    private Semaphore senders;
    private ExecutorService pool;

    record Lease(long deliveryId, UUID token) {
    }

    @PostConstruct
    void start() {
        senders = new Semaphore(config.webhooks().concurrency());
        pool = Executors.newFixedThreadPool(config.webhooks().concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Scheduled(every = "${factdesk.webhooks.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatch(true);
    }

    /** Sends what is due now and waits for those sends; answers how many were attempted. */
    public int deliverDue() {
        List<CompletableFuture<Void>> sending = dispatch(false);
        CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
        return sending.size();
    }

    /**
     * Leases due deliveries for the free senders and starts them without waiting. With
     * {@code more}, a sender that finishes looks for the next one, so a burst to one endpoint
     * goes out back to back rather than one per poll.
     */
    public List<CompletableFuture<Void>> dispatch(boolean more) {
        int free = senders.drainPermits();
        List<Lease> leases = List.of();
        try {
            leases = free == 0 ? List.of() : lease(free);
        } catch (RuntimeException e) {
            LOG.warn("Webhook outbox could not be read", e);
        } finally {
            senders.release(free - leases.size());
        }
        List<CompletableFuture<Void>> sending = new ArrayList<>();
        for (Lease lease : leases) {
            try {
                sending.add(CompletableFuture.runAsync(() -> {
                    try {
                        deliver(lease);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Webhook delivery %d failed unexpectedly", lease.deliveryId());
                    } finally {
                        senders.release();
                    }
                    if (more) {
                        dispatch(true);
                    }
                }, pool));
            } catch (RejectedExecutionException e) {
                senders.release(); // shutting down: the lease runs out and another replica sends it
            }
        }
        return sending;
    }

    /** Up to {@code max} due deliveries of active endpoints, one per endpoint, none of an endpoint with one in flight. */
    private List<Lease> lease(int max) {
        UUID token = UUID.randomUUID();
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            @SuppressWarnings("unchecked")
            List<Object[]> due = em.createNativeQuery("""
                    SELECT d.id, d.endpoint_id FROM webhook_delivery d
                    JOIN webhook_endpoint e ON e.id = d.endpoint_id AND e.active
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
                      AND (d.lease_until IS NULL OR d.lease_until < now())
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery busy
                                      WHERE busy.endpoint_id = d.endpoint_id AND busy.status = 'PENDING'
                                        AND busy.lease_until >= now())
                    ORDER BY d.next_attempt_at, d.id LIMIT :scan
                    FOR UPDATE OF d SKIP LOCKED""").setParameter("scan", max * 10).getResultList();
            Set<Long> endpoints = new HashSet<>();
            List<Long> chosen = new ArrayList<>();
            for (Object[] row : due) {
                if (chosen.size() < max && endpoints.add(((Number) row[1]).longValue())) {
                    chosen.add(((Number) row[0]).longValue());
                }
            }
            if (!chosen.isEmpty()) {
                em.createNativeQuery("""
                                UPDATE webhook_delivery SET lease_until = now() + make_interval(secs => :lease),
                                       lease_token = :token
                                WHERE id IN (:ids)""")
                        .setParameter("lease", (double) lease().toSeconds()).setParameter("token", token)
                        .setParameter("ids", chosen).executeUpdate();
            }
            return chosen;
        });
        return ids.stream().map(id -> new Lease(id, token)).toList();
    }

    /** Longer than one send may take, so that a lease runs out only when its sender is gone. */
    private Duration lease() {
        return config.webhooks().timeout().plusSeconds(50);
    }

    private void deliver(Lease lease) {
        record Attempt(WebhookDelivery delivery, WebhookEndpoint endpoint, boolean allowPrivate) {
        }
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(lease.deliveryId());
            return new Attempt(delivery, WebhookEndpoint.findById(delivery.endpointId),
                    DeskSettings.get().allowPrivateWebhookTargets);
        });
        if (!attempt.endpoint().active) {
            release(lease); // deactivated since it was leased
            return;
        }
        Integer status = null;
        String error = null;
        try {
            OutboundClient.Response response = outbound.send(request(attempt.delivery(), attempt.endpoint()),
                    attempt.allowPrivate(), Instant.now().plus(config.webhooks().timeout()), MAX_RESPONSE_BYTES);
            status = response.status();
            if (status / 100 != 2) {
                error = "HTTP " + status;
            }
        } catch (OutboundClient.Failure e) {
            error = (e.kind() == OutboundClient.Failure.Kind.REFUSED ? "refused: " : "") + e.getMessage();
        }
        if (!record(lease, status, error)) {
            LOG.infof("Webhook delivery %d: its lease was taken over; this sender's outcome (%s) is not recorded",
                    lease.deliveryId(), error == null ? "HTTP " + status : error);
        }
    }

    private static OutboundClient.Request request(WebhookDelivery delivery, WebhookEndpoint endpoint) {
        long timestamp = Instant.now().getEpochSecond();
        return OutboundClient.Request.post(endpoint.url, Map.of(
                "Content-Type", "application/json",
                "webhook-id", delivery.messageId,
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.sign(endpoint.secret, delivery.messageId, timestamp, delivery.body)),
                delivery.body.getBytes(StandardCharsets.UTF_8));
    }

    /** Records the outcome if the lease is still this sender's; answers whether it was. */
    boolean record(Lease lease, Integer status, String error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(lease.deliveryId());
            if (delivery == null || !lease.token().equals(delivery.leaseToken)) {
                return false;
            }
            int attempts = delivery.attempts + 1;
            Instant now = Instant.now();
            WebhookDelivery.Status next = delivery.status;
            Instant nextAttemptAt = delivery.nextAttemptAt;
            Instant deliveredAt = delivery.deliveredAt;
            String lastError = null;
            if (error == null) {
                next = WebhookDelivery.Status.DELIVERED;
                deliveredAt = now;
            } else {
                registry.counter(FAILURES).increment();
                lastError = error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
                if (attempts >= MAX_ATTEMPTS) {
                    next = WebhookDelivery.Status.FAILED;
                    LOG.warnf("Webhook delivery %d given up after %d attempts: %s", lease.deliveryId(), attempts, error);
                } else {
                    nextAttemptAt = now.plus(backoff(attempts));
                }
            }
            // The token in the WHERE makes the write conditional: a takeover since the read wins.
            return Panache.getEntityManager().createQuery("""
                            UPDATE WebhookDelivery SET attempts = :attempts, lastStatus = :lastStatus,
                                   lastError = :lastError, status = :status, nextAttemptAt = :nextAttemptAt,
                                   deliveredAt = :deliveredAt, leaseUntil = null, leaseToken = null
                            WHERE id = :id AND leaseToken = :token""")
                    .setParameter("attempts", attempts).setParameter("lastStatus", status)
                    .setParameter("lastError", lastError).setParameter("status", next)
                    .setParameter("nextAttemptAt", nextAttemptAt).setParameter("deliveredAt", deliveredAt)
                    .setParameter("id", lease.deliveryId()).setParameter("token", lease.token())
                    .executeUpdate() == 1;
        });
    }

    private static void release(Lease lease) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createQuery("""
                        UPDATE WebhookDelivery SET leaseUntil = null, leaseToken = null
                        WHERE id = :id AND leaseToken = :token""")
                .setParameter("id", lease.deliveryId()).setParameter("token", lease.token()).executeUpdate());
    }

    /** 10 s, 20 s, 40 s … capped at an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempts - 1, 20)));
    }
}
