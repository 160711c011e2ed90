package org.factdesk.tip;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public endpoints' rate limits, counted in PostgreSQL. Clients at different addresses are real:
 * each request leaves from its own loopback address (127.0.0.x), as the server sees its peer. The
 * limits are set per test on the running application (the test profile runs without them).
 */
@QuarkusTest
class TipRateLimitTest {

    static final Duration WINDOW = Duration.ofMinutes(10);

    @Inject
    TipRateLimit rateLimit;

    @BeforeEach
    void freshWindows() {
        Tips.update("DELETE FROM tip_rate");
    }

    @AfterEach
    void limitsOff() {
        rateLimit.use(null);
        Tips.update("DELETE FROM tip_rate");
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersStillPass() {
        rateLimit.use(new TipRateLimit.Limits(2, 0, WINDOW));
        send("127.0.0.1", null).statusCode(201);
        send("127.0.0.1", null).statusCode(201);
        String refused = Tips.uniqueText();
        String retryAfter = sendText("127.0.0.1", null, refused).statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("title", org.hamcrest.Matchers.equalTo("Too many tips"))
                .body("detail", containsString("your address"))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= WINDOW.toSeconds(), retryAfter);
        assertEquals(0, Tips.count("SELECT count(*) FROM tip WHERE text = ?1", refused), "nothing stored from a refused tip");

        // another address has its own count
        send("127.0.0.2", null).statusCode(201);
        send("127.0.0.2", null).statusCode(201);
        send("127.0.0.2", null).statusCode(429);
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
        rateLimit.use(new TipRateLimit.Limits(1, 0, WINDOW));
        send("127.0.0.3", "203.0.113.7").statusCode(201);
        // a client naming another address is still itself
        send("127.0.0.3", "198.51.100.9").statusCode(429);
        given().config(from("127.0.0.3")).contentType(ContentType.JSON).header("Forwarded", "for=192.0.2.60")
                .body(Map.of("text", Tips.uniqueText())).post("/public/tips").then().statusCode(429);
    }

    @Test
    void theGlobalLimitHoldsForEveryoneTogether() {
        rateLimit.use(new TipRateLimit.Limits(0, 3, WINDOW));
        send("127.0.0.1", null).statusCode(201);
        send("127.0.0.4", null).statusCode(201);
        send("127.0.0.5", null).statusCode(201);
        String retryAfter = send("127.0.0.6", null).statusCode(429).body("detail", containsString("too many tips right now"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 1);
    }

    @Test
    void theFormIsLimitedTooAndSaysWhenToComeBack() {
        rateLimit.use(new TipRateLimit.Limits(1, 0, WINDOW));
        form("127.0.0.7").statusCode(201);
        String page = form("127.0.0.7").statusCode(429).contentType(startsWith("text/html"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .extract().asString();
        assertTrue(page.contains("Too many tips came from your connection. Please try again in"), page);
        assertTrue(page.contains("id=\"text-error\""), "shown with the form, what was typed kept");
    }

    @Test
    void addressesAreKeptOnlyAsKeyedHashes() {
        rateLimit.use(new TipRateLimit.Limits(5, 100, WINDOW));
        send("127.0.0.8", null).statusCode(201);
        List<Object[]> rows = Tips.rows("SELECT key, count FROM tip_rate ORDER BY length(key)");
        assertEquals(2, rows.size(), "one per client, one for everyone");
        assertEquals("global", new String((byte[]) rows.get(0)[0], StandardCharsets.US_ASCII));
        byte[] key = (byte[]) rows.get(1)[0];
        assertEquals(32, key.length, "an HMAC-SHA256");
        assertFalse(new String(key, StandardCharsets.ISO_8859_1).contains("127.0.0.8"));
        assertFalse(Arrays.equals(key, TipRateLimitTest.sha256("address v4 127.0.0.8")), "keyed, not a plain hash");
        assertEquals(1, ((Number) rows.get(1)[1]).intValue());
    }

    @Test
    void aWindowThatEndedCountsAgainFromOne() {
        rateLimit.use(new TipRateLimit.Limits(1, 0, WINDOW));
        send("127.0.0.9", null).statusCode(201);
        send("127.0.0.9", null).statusCode(429);
        // the window that counted them is over (as if ten minutes had passed)
        Tips.update("UPDATE tip_rate SET window_start = window_start - interval '10 minutes'");
        send("127.0.0.9", null).statusCode(201);
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        assertEquals(TipRateLimit.network("2001:db8:1:2::1"), TipRateLimit.network("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertNotEquals(TipRateLimit.network("2001:db8:1:2::1"), TipRateLimit.network("2001:db8:1:3::1"));
        assertEquals(TipRateLimit.network("192.0.2.1"), TipRateLimit.network("::ffff:192.0.2.1"));
        assertNotEquals(TipRateLimit.network("192.0.2.1"), TipRateLimit.network("192.0.2.2"));
    }

    @Test
    void forwardingFromAnyPeerIsRefusedAtStart() {
        TipRateLimit guard = new TipRateLimit();
        guard.forwarding = true;
        guard.trustedProxies = Optional.empty();
        assertThrows(IllegalStateException.class, () -> guard.refuseForwardingFromAnyone(null));
        guard.trustedProxies = Optional.of(List.of());
        assertThrows(IllegalStateException.class, () -> guard.refuseForwardingFromAnyone(null));
        guard.trustedProxies = Optional.of(List.of("10.0.0.10", "10.1.0.0/16"));
        assertDoesNotThrow(() -> guard.refuseForwardingFromAnyone(null));
        guard.forwarding = false;
        guard.trustedProxies = Optional.empty();
        assertDoesNotThrow(() -> guard.refuseForwardingFromAnyone(null), "the default: no forwarding, the peer's address");
    }

    ValidatableResponse send(String from, String forwardedFor) {
        return sendText(from, forwardedFor, Tips.uniqueText());
    }

    ValidatableResponse sendText(String from, String forwardedFor, String text) {
        var request = given().config(from(from)).contentType(ContentType.JSON).body(Map.of("text", text));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.post("/public/tips").then();
    }

    ValidatableResponse form(String from) {
        return given().config(from(from)).contentType(ContentType.URLENC).formParam("text", Tips.uniqueText())
                .post("/tips/new").then();
    }

    /** Requests that leave from this local address (Linux routes all of 127.0.0.0/8 to the loopback). */
    static io.restassured.config.RestAssuredConfig from(String address) {
        try {
            return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", InetAddress.getByName(address)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
