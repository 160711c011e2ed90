package org.factdesk.telemetry;

import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.factdesk.support.Desk;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With traces turned on as an operator would (the SDK enabled, an OTLP endpoint), a request to the API is exported to
 * a real OTLP/HTTP receiver under the trace id its caller sent in {@code traceparent}, and the lines it logs carry
 * that id, in the JSON line too; health checks are not traced. ({@link TracesOffByDefaultTest}: off otherwise.)
 */
@QuarkusTest
@TestProfile(TracingTest.Exporting.class)
class TracingTest {

    public static class Exporting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // http/protobuf needs no gRPC server; a short batch delay keeps the test quick.
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OtlpReceiver.class));
        }
    }

    static final Duration EXPORT_DEADLINE = Duration.ofSeconds(20);

    @OtlpReceiver.InjectReceiver
    OtlpReceiver receiver;

    @TestHTTPResource(value = "/", management = true)
    URI management;

    final Desk desk = new Desk();

    @Test
    void anApiRequestIsExportedAndLoggedUnderItsCallersTraceId() throws Exception {
        String probe = randomHex(16);
        String request = randomHex(16);
        given().header("traceparent", traceparent(probe)).get(management.resolve("health/ready")).then().statusCode(200);

        List<ExtLogRecord> logged;
        try (LogCapture capture = LogCapture.start()) {
            // An unknown ticket: one lookup, and a 404 problem the server logs.
            desk.as(desk.carol).header("traceparent", traceparent(request)).get("/api/tickets/{id}", Long.MAX_VALUE)
                    .then().statusCode(404);
            logged = capture.records();
        }

        Instant deadline = Instant.now().plus(EXPORT_DEADLINE);
        while (!receiver.received(request) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertTrue(receiver.received(request), "no OTLP export carried trace " + request + "; exports: " + receiver.exports().size());
        assertTrue(receiver.exports().stream().allMatch(export -> export.path().equals("/v1/traces")),
                "OTLP/HTTP traces go to <endpoint>/v1/traces");
        // Spans are exported in the order they end: the probe's, had it been traced, came first.
        assertFalse(receiver.received(probe), "a health check was traced");

        ExtLogRecord line = logged.stream().filter(record -> request.equals(record.getMdc("traceId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no line logged under trace " + request + " among " + logged.size()));
        assertEquals(16, line.getMdc("spanId").length(), "the server span's id beside the trace id");
        String json = new JsonFormatter().format(line);
        assertTrue(json.contains("\"traceId\":\"" + request + "\""), "the JSON line: " + json);
    }

    /** W3C Trace Context: version 00, the trace id, a parent span id, sampled. */
    static String traceparent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
