package org.factdesk.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.factdesk.live.ChangeFeed;
import org.factdesk.ticket.PublicationFailure;
import org.factdesk.webhook.WebhookDispatcher;

import java.util.Set;

/**
 * What an operator watches, on {@code /q/metrics} (the management port) beside Quarkus' HTTP and pool meters: how
 * far the outboxes lag (webhook deliveries and captures due and not done), publications due or failing, how long
 * audit events wait for a checkpoint, and whether this replica hears live updates. The database figures are read
 * by one statement every {@link #REFRESH} (not on each scrape: scrapes cost nothing) and are the same on every
 * replica; claim-next's latency and webhook failures are counted where they happen. k8s/base/prometheusrule.yaml
 * alerts on them.
 */
@ApplicationScoped
public class OperationsMetrics {

    static final String REFRESH = "15s";

    /** Meters whose percentiles the dashboard reads: their histograms are published. */
    static final Set<String> HISTOGRAMS = Set.of("http.server.requests", "factdesk.claim.next");

    /**
     * The checkpoint age is that of the first event the next checkpoint seals, in its order (txid, id): one step of
     * audit_event_txid; min(occurred_at) over the unsealed events read every one of them, every 15 s on every
     * replica — the whole trail while no checkpoint had been made (1.9 s at 10 M events).
     */
    static final String SNAPSHOT = """
            SELECT
              (SELECT coalesce(extract(epoch FROM now() - min(next_attempt_at)), 0)::float8 FROM webhook_delivery
               WHERE status = 'PENDING' AND next_attempt_at <= now()),
              (SELECT coalesce(extract(epoch FROM now() - min(next_at)), 0)::float8 FROM capture
               WHERE state = 'PENDING' AND next_at <= now()),
              (SELECT count(*) FROM ticket WHERE status = 'APPROVED' AND publish_at < now() - interval '5 minutes'),
              (SELECT count(*) FROM scheduled_publication_attempt a JOIN ticket t ON t.id = a.ticket_id
               WHERE t.publish_at = a.publish_at AND a.failures >= %d),
              coalesce(extract(epoch FROM now() - (SELECT e.occurred_at FROM audit_event e
               WHERE e.txid >= (SELECT coalesce(max(below_txid), 0) FROM audit_checkpoint)
               ORDER BY e.txid, e.id LIMIT 1)), 0)::float8""".formatted(PublicationFailure.SHOWN_AFTER);

    /** The last figures read; NaN until the first read (Prometheus then shows no value rather than a false 0). */
    private volatile double[] snapshot = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    @Inject
    MeterRegistry registry;

    @Inject
    ChangeFeed changes;

    void register(@Observes StartupEvent start) {
        gauge("factdesk.webhooks.outbox.lag", "seconds", 0, "Age of the oldest webhook delivery due and not yet delivered (0: none)");
        gauge("factdesk.captures.queue.lag", "seconds", 1, "Age of the oldest capture due and not yet made (0: none)");
        gauge("factdesk.publications.scheduled.due", null, 2, "Scheduled publications due more than 5 minutes ago and not yet out");
        gauge("factdesk.publications.scheduled.failed", null, 3, "Scheduled publications whose schedule failed at least 3 times");
        gauge("factdesk.audit.checkpoint.age", "seconds", 4, "Age of the oldest audit event not yet sealed by a checkpoint (0: none)");
        // Counted by the dispatcher; registered here so that it reads 0 before the first failure.
        Counter.builder(WebhookDispatcher.FAILURES).description("Webhook delivery attempts that failed").register(registry);
        Gauge.builder("factdesk.live.listener.up", changes, feed -> feed.state().listening() ? 1 : 0)
                .description("1 while this replica hears the database's ticket changes (live updates), else 0").register(registry);
    }

    private void gauge(String name, String unit, int index, String description) {
        Gauge.builder(name, this, metrics -> metrics.snapshot[index]).baseUnit(unit).description(description).register(registry);
    }

    @Scheduled(every = REFRESH, delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Object[] row = QuarkusTransaction.requiringNew().call(() ->
                (Object[]) Panache.getEntityManager().createNativeQuery(SNAPSHOT).getSingleResult());
        double[] read = new double[row.length];
        for (int i = 0; i < row.length; i++) read[i] = ((Number) row[i]).doubleValue();
        snapshot = read;
    }

    /** Publishes the histograms of {@link #HISTOGRAMS} (the {@code _bucket} series percentiles are computed from). */
    @Produces
    @Singleton
    MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return HISTOGRAMS.contains(id.getName())
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        };
    }
}
