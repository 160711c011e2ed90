package org.factdesk.telemetry;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.factdesk.k8s.MonitoredMetrics;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /q/metrics carries every series the alerts and the dashboard read (the list the k8s checks hold the manifests
 * to), with values that follow the database: an overdue webhook delivery shows as outbox lag, audit events not yet
 * sealed as checkpoint age (checkpoints are off in tests), the live listener as up.
 */
@QuarkusTest
class OperationsMetricsTest {

    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Inject
    OperationsMetrics metrics;

    final Desk desk = new Desk();

    @Test
    void everyMonitoredSeriesIsExportedWithTheDatabasesFigures() {
        desk.newTicket("NORMAL");
        desk.as(desk.alice).post("/api/tickets/claim-next").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(404), org.hamcrest.Matchers.is(409)));
        long[] made = QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            long endpoint = ((Number) em.createNativeQuery("INSERT INTO webhook_endpoint (url, secret, events, active, created_at, created_by)"
                    + " VALUES ('https://partner.example/hook', 'whsec_test', '{fact-check.published}', false, now(), 'test') RETURNING id")
                    .getSingleResult()).longValue();
            return new long[]{endpoint, ((Number) em.createNativeQuery("INSERT INTO webhook_delivery (endpoint_id, event_type, ticket_id, message_id, body, status,"
                    + " next_attempt_at, created_at) VALUES (?1, 'fact-check.published', 1, ?2, '{}', 'PENDING',"
                    + " now() - interval '10 minutes', now()) RETURNING id").setParameter(1, endpoint)
                    .setParameter(2, Desk.unique("msg")).getSingleResult()).longValue()};
        });
        try {
            metrics.refresh();
            String text = given().get(management.resolve("metrics")).then().statusCode(200).extract().asString();
            List<String> missing = MonitoredMetrics.NAMES.stream().filter(name -> !Pattern.compile("(?m)^" + name + "[{ ]")
                    .matcher(text).find()).toList();
            assertEquals(List.of(), missing, "series the alerts and the dashboard read");
            assertTrue(value(text, "factdesk_webhooks_outbox_lag_seconds") >= 600, "the overdue delivery");
            assertTrue(value(text, "factdesk_audit_checkpoint_age_seconds") > 0, "events wait: checkpoints are off in tests");
            assertEquals(1.0, value(text, "factdesk_live_listener_up"));
            assertTrue(text.contains("factdesk_claim_next_seconds_count"), "claim-next is timed");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                var em = Panache.getEntityManager();
                em.createNativeQuery("DELETE FROM webhook_delivery WHERE id = ?1").setParameter(1, made[1]).executeUpdate();
                em.createNativeQuery("DELETE FROM webhook_endpoint WHERE id = ?1").setParameter(1, made[0]).executeUpdate();
            });
        }
        metrics.refresh();
        String after = given().get(management.resolve("metrics")).then().statusCode(200).extract().asString();
        assertTrue(value(after, "factdesk_webhooks_outbox_lag_seconds") < 600, "the lag follows the outbox");
    }

    private static double value(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+|NaN)$").matcher(text);
        assertTrue(m.find(), name + " in /q/metrics");
        return Double.parseDouble(m.group(1));
    }
}
