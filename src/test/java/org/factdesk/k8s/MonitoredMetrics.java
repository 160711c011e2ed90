package org.factdesk.k8s;

import java.util.List;

/**
 * Every metric name the alerts (k8s/base/prometheusrule.yaml) and the Grafana dashboard
 * (k8s/base/grafana-dashboard.yaml) read, as Prometheus sees them on /q/metrics: the one list
 * {@link MonitoringManifestsTest} holds the manifests to, and that a test of the server can check
 * it exports (a histogram's {@code _bucket} series needs its percentile histogram switched on).
 */
public final class MonitoredMetrics {

    public static final List<String> NAMES = List.of(
            // Quarkus Micrometer: HTTP server requests (labels method, outcome, status, uri).
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            // Quarkus Agroal, per datasource (quarkus.datasource.metrics.enabled).
            "agroal_active_count",
            "agroal_available_count",
            "agroal_awaiting_count",
            // The desk's own.
            "factdesk_claim_next_seconds_bucket",
            "factdesk_webhooks_outbox_lag_seconds",
            "factdesk_webhooks_failures_total",
            "factdesk_captures_queue_lag_seconds",
            "factdesk_publications_scheduled_due",
            "factdesk_publications_scheduled_failed",
            "factdesk_audit_checkpoint_age_seconds",
            "factdesk_live_listener_up");

    private MonitoredMetrics() {
    }
}
