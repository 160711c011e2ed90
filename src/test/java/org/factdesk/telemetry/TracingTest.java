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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With traces turned on as an operator would (the SDK enabled, an OTLP endpoint), a request to the API is exported to
 * a real OTLP/HTTP receiver under the trace id its caller sent in {@code traceparent}, and the lines it logs carry
 * that id, in the JSON line too; health checks are not traced; the secrets in addresses (receipt tokens, preserved
 * copies' keys, a sign-in's code) never reach the export ({@link AddressRedaction}). ({@link TracesOffByDefaultTest}:
 * off otherwise.)
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

    @Test
    void theSecretsInAddressesAreRedactedBeforeExport() throws Exception {
        // Well-formed (43 base64url characters, 64 hex digits), so each is looked up and answered 404.
        String token = "fakeReceiptToken-" + randomToken(26);
        String key = "fee1dead" + randomHex(28);
        String code = "fake-sign-in-code-" + randomHex(16);
        Map<String, String> traces = new LinkedHashMap<>();
        traces.put(randomHex(16), "/tips/" + token);
        traces.put(randomHex(16), "/public/tips/" + token);
        traces.put(randomHex(16), "/preserved/1/" + key + "/");
        traces.put(randomHex(16), "/silent-renew.html?code=" + code);

        var sent = traces.entrySet().iterator();
        given().header("traceparent", traceparent(sent.next().getKey())).get("/tips/{token}", token).then().statusCode(404);
        given().header("traceparent", traceparent(sent.next().getKey())).get("/public/tips/{token}", token).then().statusCode(404);
        given().header("traceparent", traceparent(sent.next().getKey())).get("/preserved/1/{key}/", key).then().statusCode(404);
        // Where a sign-in comes back with its code (a page of the web app; whatever this test server answers).
        given().header("traceparent", traceparent(sent.next().getKey())).queryParam("code", code).queryParam("state", "s")
                .get("/silent-renew.html").then().statusCode(lessThan(500));

        Instant deadline = Instant.now().plus(EXPORT_DEADLINE);
        while (!traces.keySet().stream().allMatch(receiver::received) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        traces.forEach((trace, request) -> assertTrue(receiver.received(trace), "no span for " + request));
        for (OtlpReceiver.Export export : receiver.exports()) {
            String body = new String(export.body(), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(token, key, code)) {
                assertFalse(body.contains(secret), "a span carried the secret " + secret);
            }
        }
        String all = receiver.exports().stream().map(export -> new String(export.body(), StandardCharsets.ISO_8859_1))
                .collect(Collectors.joining());
        assertTrue(all.contains("/preserved/1/{key}/") && all.contains("code={value}&state={value}"), "the placeholders");
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

    static String randomToken(int length) {
        byte[] random = new byte[length];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).substring(0, length);
    }
}
