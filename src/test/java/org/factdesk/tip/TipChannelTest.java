package org.factdesk.tip;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partners' tiplines: a tip signed with the channel's secret is stored once per webhook-id under the
 * channel's name, with the requester's id only with consent; every way of not being the channel gets
 * the same 401; admins alone register channels (the secret shown once) and deactivate them, audited in
 * the desk chain.
 */
@QuarkusTest
class TipChannelTest {

    /** Where a test channel's answers would go: loopback, which the tests' desk allows. */
    static final String REPLY_URL = "http://127.0.0.1:9/replies";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TipRateLimit rateLimit;

    final Desk desk = new Desk();

    @BeforeEach
    void allowLoopbackReplyUrls() {
        desk.allowPrivateTargets(true);
    }

    @AfterEach
    void forbidThemAgain() {
        desk.allowPrivateTargets(false);
        rateLimit.use(null);
    }

    @Test
    void aPartnersRequesterIsHeldToThePublicLimitAndOthersOfTheChannelAreNot() throws Exception {
        Channel channel = register();
        rateLimit.use(new TipRateLimit.Limits(2, 0, Duration.ofMinutes(10)));
        String tip = "{\"text\": \"Is the water of the river safe to drink again?\", \"requesterId\": \"%s\", \"consent\": true}";
        for (int i = 0; i < 2; i++) {
            postSigned(channel, messageId(), tip.formatted("telegram:1")).then().statusCode(201);
        }
        postSigned(channel, messageId(), tip.formatted("telegram:1")).then().statusCode(429)
                .header("Retry-After", notNullValue()).contentType("application/problem+json");
        assertEquals(2L, row("SELECT count(*) AS n FROM tip WHERE channel = ?", channel.name()).get("n"),
                "nothing stored from a refused tip");
        postSigned(channel, messageId(), tip.formatted("telegram:2")).then().statusCode(201);
    }

    record Channel(long id, String name, String secret) {
    }

    Channel register() {
        String name = Desk.unique("bot");
        JsonPath created = desk.as(desk.dave).body(Map.of("name", name, "replyUrl", REPLY_URL)).post("/api/tip-channels")
                .then().statusCode(201).extract().jsonPath();
        return new Channel(created.getLong("id"), name, created.getString("secret"));
    }

    /** Signed as Standard Webhooks says, written here from the spec rather than with the server's own signer. */
    static String signature(String secret, String id, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    Response post(String channel, String id, long timestamp, String signatures, byte[] body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (id != null) {
            request.header("webhook-id", id);
        }
        request.header("webhook-timestamp", Long.toString(timestamp));
        if (signatures != null) {
            request.header("webhook-signature", signatures);
        }
        return request.post("/public/channels/{name}/tips", channel);
    }

    Response postSigned(Channel channel, String id, String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(channel.name(), id, now, signature(channel.secret(), id, now, bytes), bytes);
    }

    static String messageId() {
        return "msg_" + UUID.randomUUID();
    }

    @Test
    void aSignedTipIsStoredUnderItsChannelWithTheRequesterOnlyWithConsent() throws Exception {
        Channel channel = register();
        JsonPath receipt = postSigned(channel, messageId(), """
                {"text": "Is it true that the bridge will be closed for a year?", "links": ["https://example.org/post/1"],
                 "language": "pt-BR", "requesterId": "whatsapp:+5511999990000", "consent": true}""")
                .then().statusCode(201).extract().jsonPath();
        String token = receipt.getString("token");
        assertEquals(ReceiptToken.LENGTH, token.length());
        assertEquals("/tips/" + token, receipt.getString("status"));
        assertNotNull(receipt.getString("receivedAt"));

        Map<String, Object> tip = row("SELECT id, channel, text, links::text AS links, language, contact, consent, token_hash,"
                + " source_message FROM tip WHERE id = ?", receipt.getLong("id"));
        assertEquals(channel.name(), tip.get("channel"));
        assertEquals("Is it true that the bridge will be closed for a year?", tip.get("text"));
        assertEquals("{https://example.org/post/1}", tip.get("links"));
        assertEquals("pt-BR", tip.get("language"));
        assertEquals("whatsapp:+5511999990000", tip.get("contact"));
        assertEquals(true, tip.get("consent"));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)),
                (byte[]) tip.get("token_hash"), "only the token's hash is kept");
        assertEquals(32, ((byte[]) tip.get("source_message")).length);

        long withoutConsent = postSigned(channel, messageId(),
                "{\"text\": \"The bridge closes for a year, says a forwarded message\", \"requesterId\": \"whatsapp:+5511988880000\"}")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> second = row("SELECT channel, contact, consent FROM tip WHERE id = ?", withoutConsent);
        assertEquals(channel.name(), second.get("channel"));
        assertNull(second.get("contact"), "no consent, no requester id kept");
        assertEquals(false, second.get("consent"));
    }

    @Test
    void aRetryWithTheSameWebhookIdFindsTheFirstTip() throws Exception {
        Channel channel = register();
        String id = messageId();
        String body = "{\"text\": \"Did the mayor really sell the harbour?\"}";
        JsonPath first = postSigned(channel, id, body).then().statusCode(201).extract().jsonPath();
        postSigned(channel, id, body).then().statusCode(200)
                .body("id", equalTo((int) first.getLong("id"))).body("token", nullValue()).body("status", nullValue())
                .body("receivedAt", equalTo(first.getString("receivedAt")));
        assertEquals(1, count("SELECT count(*) FROM tip WHERE channel = ?", channel.name()));

        // Many deliveries of one message at once (a partner's eager retries, two replicas): still one tip.
        String racing = messageId();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> send = () -> postSigned(channel, racing, "{\"text\": \"Is the harbour sold?\"}").statusCode();
                answers.add(pool.submit(send));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, count("SELECT count(*) FROM tip WHERE channel = ?", channel.name()));

        // The id is the channel's own: another channel may use it for a tip of its own.
        Channel other = register();
        postSigned(other, id, body).then().statusCode(201);
    }

    @Test
    void everyWayOfNotBeingTheChannelGetsTheSame401AndStoresNothing() throws Exception {
        Channel channel = register();
        Channel deactivated = register();
        desk.as(desk.dave).post("/api/tip-channels/{id}/deactivate", deactivated.id()).then().statusCode(200);
        byte[] body = "{\"text\": \"Are vaccines now compulsory for cats?\"}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String id = messageId();
        String good = signature(channel.secret(), id, now, body);

        List<Response> refusals = List.of(
                post(channel.name(), id, now, signature(register().secret(), id, now, body), body), // another channel's secret
                post(channel.name(), id, now, good,
                        "{\"text\": \"Are vaccines now compulsory for dogs?\"}".getBytes(StandardCharsets.UTF_8)), // tampered
                post(channel.name(), id, now + 1, good, body), // the timestamp is signed too
                post(channel.name(), "msg_other", now, good, body), // and so is the id
                post(channel.name(), id, now, "v2," + good.substring(3), body), // only v1 is known
                post(channel.name(), id, now, good.substring(0, good.length() - 2), body));
        for (Response refusal : refusals) {
            refusal.then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo(PartnerTips.CHALLENGE))
                    .body("detail", equalTo("The request is not signed with the secret of an active tip channel of this name."));
        }
        String sameFor = refusals.get(0).asString();
        for (Channel pretended : List.of(new Channel(0, Desk.unique("nobody"), channel.secret()), deactivated)) {
            Response refusal = post(pretended.name(), id, now, signature(pretended.secret(), id, now, body), body);
            refusal.then().statusCode(401);
            assertEquals(withoutInstance(sameFor), withoutInstance(refusal.asString()),
                    "an unknown or deactivated channel looks like a wrong signature");
        }

        long old = Instant.now().getEpochSecond() - 330;
        post(channel.name(), id, old, signature(channel.secret(), id, old, body), body).then().statusCode(401)
                .body("detail", containsString("5 minutes"));
        long future = Instant.now().getEpochSecond() + 330;
        post(channel.name(), id, future, signature(channel.secret(), id, future, body), body).then().statusCode(401);
        post(channel.name(), null, now, good, body).then().statusCode(401).body("detail", containsString("webhook-id"));
        post(channel.name(), id, now, null, body).then().statusCode(401);
        assertEquals(0, count("SELECT count(*) FROM tip WHERE channel = ?", channel.name()));

        // Several signatures are allowed (a secret being rotated): one good one is enough.
        post(channel.name(), id, now, "v1,bm90IHRoaXMgb25l " + good, body).then().statusCode(201);
        assertEquals(1, count("SELECT count(*) FROM tip WHERE channel = ?", channel.name()));
    }

    @Test
    void signedButBadBodiesAre400sAndBigOnesAre413s() throws Exception {
        Channel channel = register();
        for (String body : List.of("{\"text\": \"unterminated", "[1, 2]", "null", "", "{\"text\": \"  \"}",
                "{\"text\": \"t\", \"links\": [\"javascript:alert(1)\"]}",
                "{\"text\": \"t\", \"links\": " + manyLinks(TipInput.LINKS_MAX + 1) + "}",
                "{\"text\": \"t\", \"language\": \"not a tag\"}",
                "{\"text\": \"t\", \"requesterId\": \"line\\nbreak\", \"consent\": true}",
                "{\"text\": \"t\", \"contact\": \"someone@example.org\"}",
                "{\"text\": \"t\", \"consent\": \"yes please\"}",
                "{\"text\": \"" + "x".repeat(TipInput.TEXT_MAX + 1) + "\"}",
                "{\"text\": \"nul \\u0000\"}")) {
            postSigned(channel, messageId(), body).then().statusCode(400).contentType("application/problem+json")
                    .body(not(containsString("Exception"))).body(not(containsString("org.factdesk")));
        }
        postSigned(channel, messageId(), "{\"text\": \"t\", \"language\": \"not a tag\"}").then()
                .body("violations[0].field", equalTo("language"))
                .body("violations[0].message", equalTo("must be a language tag such as en or pt-BR"));
        postSigned(channel, messageId(), "{\"text\": \"t\", \"contact\": \"someone@example.org\"}").then()
                .body("field", equalTo("contact"));
        long now = Instant.now().getEpochSecond();
        String id = messageId();
        byte[] latin1 = "{\"text\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        post(channel.name(), id, now, signature(channel.secret(), id, now, latin1), latin1).then().statusCode(400)
                .body("detail", containsString("UTF-8"));
        String huge = "{\"text\": \"" + "x".repeat(PartnerTips.MAX_BYTES) + "\"}";
        postSigned(channel, messageId(), huge).then().statusCode(413);
        assertEquals(0, count("SELECT count(*) FROM tip WHERE channel = ?", channel.name()));
    }

    @Test
    void onlyAdminsManageChannelsTheSecretIsShownOnceAndEachChangeIsAudited() throws Exception {
        desk.as(desk.carol).body(Map.of("name", Desk.unique("bot"), "replyUrl", REPLY_URL)).post("/api/tip-channels")
                .then().statusCode(403);
        desk.as(desk.carol).get("/api/tip-channels").then().statusCode(403);
        desk.as(desk.alice).post("/api/tip-channels/1/deactivate").then().statusCode(403);
        given().get("/api/tip-channels").then().statusCode(401);

        String name = Desk.unique("tipline");
        JsonPath created = desk.as(desk.dave).body(Map.of("name", name, "replyUrl", REPLY_URL)).post("/api/tip-channels")
                .then().statusCode(201).body("name", equalTo(name)).body("replyUrl", equalTo(REPLY_URL))
                .body("active", equalTo(true)).extract().jsonPath();
        long id = created.getLong("id");
        assertTrue(created.getString("secret").matches("whsec_[A-Za-z0-9+/]{43}="), created.getString("secret"));
        desk.as(desk.dave).get("/api/tip-channels?size=200").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.name", equalTo(name))
                .body("items.find { it.id == " + id + " }.secret", nullValue())
                .body(not(containsString(created.getString("secret"))));

        desk.as(desk.dave).body(Map.of("name", name, "replyUrl", REPLY_URL)).post("/api/tip-channels").then()
                .statusCode(409).body("detail", containsString(name));
        for (String bad : List.of("web", "email", "Bot", "-bot", "bot_1", "", "b".repeat(41), "bot bot")) {
            desk.as(desk.dave).body(Map.of("name", bad, "replyUrl", REPLY_URL)).post("/api/tip-channels").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        for (String url : List.of("javascript:alert(1)", "ftp://example.org/x", "not a url", "")) {
            desk.as(desk.dave).body(Map.of("name", Desk.unique("bot"), "replyUrl", url)).post("/api/tip-channels").then()
                    .statusCode(400);
        }
        desk.as(desk.dave).body(Map.of("name", Desk.unique("bot"))).post("/api/tip-channels").then().statusCode(400);
        desk.as(desk.dave).body(Map.of("name", Desk.unique("bot"), "replyUrl", REPLY_URL, "secret", "whsec_mine"))
                .post("/api/tip-channels").then().statusCode(400).body("field", equalTo("secret"));
        desk.allowPrivateTargets(false);
        desk.as(desk.dave).body(Map.of("name", Desk.unique("bot"), "replyUrl", REPLY_URL)).post("/api/tip-channels").then()
                .statusCode(400).body("detail", containsString("refused"));

        desk.as(desk.dave).post("/api/tip-channels/{id}/deactivate", id).then().statusCode(200)
                .body("active", equalTo(false)).body("secret", nullValue());
        desk.as(desk.dave).post("/api/tip-channels/{id}/deactivate", id).then().statusCode(200);
        desk.as(desk.dave).post("/api/tip-channels/{id}/deactivate", Long.MAX_VALUE).then().statusCode(404);
        desk.as(desk.dave).post("/api/tip-channels/{id}/deactivate", 0).then().statusCode(400);
        desk.as(desk.dave).body(Map.of("name", name, "replyUrl", REPLY_URL)).post("/api/tip-channels").then()
                .statusCode(409); // a deactivated channel keeps its name: its tips carry it

        List<String> events = column("SELECT action || ' by ' || actor || ' ' || (changes->>'name') FROM audit_event"
                + " WHERE stream = 'desk' AND (changes->>'channelId')::bigint = ? ORDER BY seq", id);
        assertEquals(List.of("tip-channel.registered by " + desk.dave + " " + name,
                "tip-channel.deactivated by " + desk.dave + " " + name), events, "once each: deactivating twice records once");
        String registered = column("SELECT changes::text FROM audit_event WHERE stream = 'desk'"
                + " AND action = 'tip-channel.registered' AND (changes->>'channelId')::bigint = ?", id).get(0);
        assertTrue(registered.contains(REPLY_URL), registered);
        assertFalse(registered.contains(created.getString("secret")), "the secret stays out of the chain");
        desk.as(desk.dave).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    static String manyLinks(int n) {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            links.add("\"https://example.org/" + i + "\"");
        }
        return "[" + String.join(",", links) + "]";
    }

    static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\",?", "");
    }

    long count(String sql, Object parameter) throws SQLException {
        return ((Number) row(sql, parameter).values().iterator().next()).longValue();
    }

    Map<String, Object> row(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), sql);
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                return row;
            }
        }
    }

    List<String> column(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
