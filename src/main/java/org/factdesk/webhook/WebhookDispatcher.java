package org.factdesk.webhook;

import org.factdesk.common.TargetGuard;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.factdesk.desk.DeskSettings;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends the outbox. Due deliveries are leased in one short transaction ({@code SKIP LOCKED}, so
 * each goes to one replica at a time), sent without holding a transaction, and the outcome is
 * recorded afterwards. A lease that runs out (a crash mid-send) makes the delivery due again:
 * receivers may see a message twice, never zero times, and can drop repeats by {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ATTEMPTS = 12;
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @ConfigProperty(name = "factdesk.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    @Scheduled(every = "${factdesk.webhooks.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (deliverDue() > 0) {
            // until nothing is due
        }
    }

    /** Leases and sends up to a batch of due deliveries; answers how many were attempted. */
    public int deliverDue() {
        List<Long> leased = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = Panache.getEntityManager().createNativeQuery("""
                    UPDATE webhook_delivery SET lease_until = now() + make_interval(secs => :lease)
                    WHERE id IN (SELECT id FROM webhook_delivery
                                 WHERE status = 'PENDING' AND next_attempt_at <= now()
                                   AND (lease_until IS NULL OR lease_until < now())
                                 ORDER BY next_attempt_at, id LIMIT 20 FOR UPDATE SKIP LOCKED)
                    RETURNING id""").setParameter("lease", (double) LEASE.toSeconds()).getResultList();
            return ids.stream().map(Number::longValue).toList();
        });
        leased.forEach(this::deliver);
        return leased.size();
    }

    private void deliver(long deliveryId) {
        record Attempt(WebhookDelivery delivery, WebhookEndpoint endpoint, boolean allowPrivate) {
        }
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
            return new Attempt(delivery, WebhookEndpoint.findById(delivery.endpointId), DeskSettings.get().allowPrivateWebhookTargets);
        });
        Integer status = null;
        String error = null;
        Optional<String> refusal = TargetGuard.refusal(attempt.endpoint().url, attempt.allowPrivate());
        if (refusal.isPresent()) {
            error = "refused: " + refusal.get();
        } else {
            try {
                status = send(attempt.delivery(), attempt.endpoint());
                if (status / 100 != 2) {
                    error = "HTTP " + status;
                }
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        record(deliveryId, status, error);
    }

    private int send(WebhookDelivery delivery, WebhookEndpoint endpoint) throws IOException, InterruptedException {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("webhook-id", delivery.messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(endpoint.secret, delivery.messageId, timestamp, delivery.body))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            body.readNBytes(MAX_RESPONSE_BYTES); // read a little, never an unbounded body
        }
        return response.statusCode();
    }

    private void record(long deliveryId, Integer status, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
            delivery.attempts++;
            delivery.lastStatus = status;
            delivery.leaseUntil = null;
            Instant now = Instant.now();
            if (error == null) {
                delivery.status = WebhookDelivery.Status.DELIVERED;
                delivery.deliveredAt = now;
                delivery.lastError = null;
            } else {
                delivery.lastError = error.length() > 500 ? error.substring(0, 500) : error;
                if (delivery.attempts >= MAX_ATTEMPTS) {
                    delivery.status = WebhookDelivery.Status.FAILED;
                    LOG.warnf("Webhook delivery %d given up after %d attempts: %s", deliveryId, delivery.attempts, error);
                } else {
                    delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                }
            }
        });
    }

    /** 10 s, 20 s, 40 s … capped at an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempts - 1, 20)));
    }
}
