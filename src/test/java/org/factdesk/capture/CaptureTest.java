package org.factdesk.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.factdesk.support.TestNet.address;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Preserved copies end to end against a test site on loopback: captured on entry by the worker,
 * hashed into the ticket's trail, read back as a sandboxed view and as a WARC, waited for by submit,
 * cited by the published version, retried after a failure, checked and erased through verify.
 */
@QuarkusTest
@TestProfile(CaptureTest.OnEntry.class)
class CaptureTest {

    /** Captures on entry, as in production; two attempts before a capture fails; the test works the queue. */
    public static class OnEntry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("factdesk.captures.on-entry", "true", "factdesk.captures.max-attempts", "2");
        }
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    final Desk desk = new Desk();
    final AtomicBoolean flakyUp = new AtomicBoolean(false);
    final java.util.concurrent.atomic.AtomicReference<String> liveReport =
            new java.util.concurrent.atomic.AtomicReference<>("<h1>Unemployment was 5.1%</h1>");
    HttpServer site;

    @Inject
    CaptureWorker worker;

    @Inject
    LinkWatch linkWatch;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void start() throws IOException {
        desk.allowPrivateTargets(true);
        site = HttpServer.create(new InetSocketAddress(address("127.0.0.1"), 0), 0);
        site.createContext("/", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/report" -> respond(exchange, 200, "text/html; charset=utf-8", """
                        <html><head><title>Labour report</title><link rel="stylesheet" href="/s.css">
                        <script>document.title = 'script ran'</script><script src="/a.js"></script></head>
                        <body><h1>Unemployment was 5.1%</h1><img src="/chart.png" onerror="document.title='handler ran'">
                        <a href="javascript:alert(1)">x</a><a href="/more">more</a></body></html>""");
                case "/s.css" -> respond(exchange, 200, "text/css", "h1{color:#333}");
                case "/a.js" -> respond(exchange, 200, "text/javascript", "document.title = 'file ran'");
                case "/live" -> {
                    String body = liveReport.get();
                    if (body == null) {
                        respond(exchange, 404, "text/plain", "gone");
                    } else {
                        respond(exchange, 200, "text/html", "<html><body>" + body + "</body></html>");
                    }
                }
                case "/chart.png" -> {
                    exchange.getResponseHeaders().set("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, PNG.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(PNG);
                    }
                }
                case "/flaky" -> {
                    if (flakyUp.get()) {
                        respond(exchange, 200, "text/html", "<p>back up</p>");
                    } else {
                        exchange.close(); // hangs up without an answer
                    }
                }
                default -> respond(exchange, 404, "text/plain", "not here");
            }
        });
        site.setExecutor(Executors.newCachedThreadPool());
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop(0);
        desk.allowPrivateTargets(false);
    }

    @Test
    void evidenceIsCapturedOnEntryHashedIntoTheTrailAndReadBackAsAWarcAndASafeView() throws Exception {
        long ticket = claimedTicket();
        long evidence = addEvidence(ticket, url("/report"));
        JsonPath queued = captures(ticket);
        assertEquals("PENDING", queued.getString("items[0].state"));
        assertEquals(evidence, queued.getLong("items[0].evidenceId"));

        assertEquals(1, worker.runDue());

        JsonPath done = captures(ticket);
        assertEquals("DONE", done.getString("items[0].state"));
        assertEquals(200, done.getInt("items[0].pageStatus"));
        assertEquals(4, done.getInt("items[0].files"), "the page, its stylesheet, its script file and its image");
        String digest = done.getString("items[0].warcDigest");
        String view = done.getString("items[0].viewUrl");
        JsonPath event = desk.as(desk.alice).get("/api/tickets/{id}/history?size=100", ticket).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(digest, event.getString("items.find { it.action == 'evidence.captured' }.changes.warcDigest"));
        assertEquals(4, event.getList("items.find { it.action == 'evidence.captured' }.changes.records").size());

        byte[] warc = given().get(done.getString("items[0].warcUrl")).then().statusCode(200)
                .contentType("application/warc").header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        assertEquals(digest, "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(warc)));
        Path file = Files.createTempFile("capture-test-", ".warc.gz");
        try {
            Files.write(file, warc);
            List<PageRecorderTest.Read> records = PageRecorderTest.readBack(file);
            assertEquals(9, records.size(), "warcinfo and a response and a request for each of four files");
        } finally {
            Files.delete(file);
        }

        String html = given().get(view).then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertTrue(html.contains("Unemployment was 5.1%") && html.contains("Preserved copy of"), html);
        for (String gone : List.of("<script", "onerror", "javascript:", "a.js")) {
            assertTrue(!html.contains(gone), gone + " is removed: " + html);
        }
        java.util.regex.Matcher image = java.util.regex.Pattern.compile("<img src=\"(r/\\d+)\"").matcher(html);
        assertTrue(image.find(), "the image comes from the capture: " + html);
        assertArrayEquals(PNG, given().get(view + image.group(1)).then().statusCode(200).contentType("image/png")
                .header("Content-Security-Policy", containsString("sandbox")).extract().asByteArray());
    }

    @Test
    void submitWaitsForTheCapturesAndThePublishedVersionCitesTheExactCopy() {
        long ticket = claimedTicket();
        long evidence = addEvidence(ticket, url("/report"));
        draftCiting(ticket, evidence);
        desk.act(desk.alice, ticket, "submit").statusCode(409).body("title", equalTo("Sources still being preserved"))
                .body("capturing", equalTo(List.of((int) evidence)));
        worker.runDue();
        JsonPath capture = captures(ticket);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish").statusCode(200);

        JsonPath version = desk.as(desk.alice).get("/api/tickets/{id}/verdict", ticket).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(capture.getLong("items[0].id"), version.getLong("published[0].sources[0].capture.id"));
        assertEquals(capture.getString("items[0].warcDigest"), version.getString("published[0].sources[0].capture.warcDigest"));
    }

    @Test
    void thePublicPageAndClaimReviewCiteThePreservedCopyAndTheLinkWatchMarksAChangedThenVanishedOriginal() {
        long ticket = claimedTicket();
        long evidence = addEvidence(ticket, url("/live"));
        draftCiting(ticket, evidence);
        worker.runDue();
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish").statusCode(200);
        JsonPath capture = captures(ticket);
        String view = capture.getString("items[0].viewUrl");
        String hex = capture.getString("items[0].warcDigest").substring("sha256:".length());
        assertEquals("UNCHECKED", capture.getString("items[0].watch.state"));

        String page = publicPage(ticket);
        assertTrue(page.contains("href=\"" + view + "\"") && page.contains("Preserved copy from") && page.contains(hex), page);
        assertTrue(page.contains("\"archivedAt\"") && page.contains("\"value\":\"" + hex + "\""), "ClaimReview cites it: " + page);

        assertEquals(0, linkWatch.checkDue(), "a week before the first check");
        execute("UPDATE source_watch SET next_check = now() WHERE capture_id = " + capture.getLong("items[0].id"));
        assertEquals(1, linkWatch.checkDue());
        assertEquals("SAME", captures(ticket).getString("items[0].watch.state"));

        liveReport.set("<h1>Unemployment was 6.3%</h1>");
        execute("UPDATE source_watch SET next_check = now() WHERE capture_id = " + capture.getLong("items[0].id"));
        linkWatch.checkDue();
        assertEquals("CHANGED", captures(ticket).getString("items[0].watch.state"));
        JsonPath diff = desk.as(desk.bob).get("/api/tickets/{t}/captures/{c}/watch", ticket, capture.getLong("items[0].id"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Unemployment was 5.1%", diff.getString("capturedText"));
        assertEquals("Unemployment was 6.3%", diff.getString("currentText"));

        liveReport.set(null);
        execute("UPDATE source_watch SET next_check = now() WHERE capture_id = " + capture.getLong("items[0].id"));
        linkWatch.checkDue();
        assertEquals("GONE", captures(ticket).getString("items[0].watch.state"));
        desk.as(desk.alice).get("/api/tickets/{id}/history?size=100", ticket).then()
                .body("items.action", hasItem("source.changed")).body("items.action", hasItem("source.gone"));
        assertTrue(publicPage(ticket).contains("Original no longer available — <a href=\"" + view + "\""),
                "the public page says so and points at the copy");
    }

    @Test
    void aFailedCaptureShowsItsReasonAndIsRetriedOnRequest() {
        long ticket = claimedTicket();
        long evidence = addEvidence(ticket, url("/flaky"));
        worker.runDue();
        JsonPath retrying = captures(ticket);
        assertEquals("PENDING", retrying.getString("items[0].state"));
        assertEquals(1, retrying.getInt("items[0].attempts"));
        assertTrue(retrying.getString("items[0].error").contains("127.0.0.1"), retrying.getString("items[0].error"));
        assertEquals(0, worker.runDue(), "the next attempt waits");

        execute("UPDATE capture SET next_at = now() WHERE evidence_id = " + evidence);
        worker.runDue();
        JsonPath failed = captures(ticket);
        assertEquals("FAILED", failed.getString("items[0].state"));
        desk.as(desk.alice).get("/api/tickets/{id}/history?size=100", ticket).then()
                .body("items.action", hasItem("evidence.capture-failed"));
        // A failed copy does not hold the verdict back: the reviewer sees it failed.
        draftCiting(ticket, evidence);

        desk.as(desk.bob).post("/api/tickets/{t}/evidence/{e}/captures", ticket, evidence).then().statusCode(403);
        flakyUp.set(true);
        desk.as(desk.alice).post("/api/tickets/{t}/evidence/{e}/captures", ticket, evidence).then().statusCode(201)
                .body("state", equalTo("PENDING"));
        desk.as(desk.alice).post("/api/tickets/{t}/evidence/{e}/captures", ticket, evidence).then().statusCode(409)
                .body("title", equalTo("Capture under way"));
        worker.runDue();
        assertEquals("DONE", captures(ticket).getString("items[0].state"));
        assertEquals(2, desk.as(desk.alice).get("/api/tickets/{t}/evidence/{e}/captures", ticket, evidence).then()
                .statusCode(200).extract().jsonPath().getList("items").size());
    }

    @Test
    void verifyFindsATamperedCopyAndReportsAnErasedOneAsErased() throws Exception {
        long ticket = claimedTicket();
        addEvidence(ticket, url("/report"));
        worker.runDue();
        JsonPath capture = captures(ticket);
        long id = capture.getLong("items[0].id");
        String digest = capture.getString("items[0].warcDigest");
        verify().body("intact", equalTo(true)).body("brokenContent", equalTo(List.of()));

        execute("UPDATE capture_chunk SET data = overlay(data placing '\\x00'::bytea from 40 for 1) WHERE digest = '"
                + digest + "' AND seq = 0");
        verify().body("intact", equalTo(false)).body("brokenContent[0].kind", equalTo("capture"))
                .body("brokenContent[0].id", equalTo((int) id))
                .body("brokenContent[0].problem", containsString("no longer matches"));

        String feedBefore = given().get("/feeds/claimreview.json").then().statusCode(200).extract().header("ETag");
        desk.as(desk.dave).body(Map.of("kind", "capture", "id", id, "reason", "The page held a private address"))
                .post("/api/erasures").then().statusCode(201);
        assertTrue(!feedBefore.equals(given().get("/feeds/claimreview.json").then().statusCode(200).extract()
                .header("ETag")), "the feeds' ETag moves: an entry may have cited the copy");
        verify().body("intact", equalTo(true)).body("brokenContent", equalTo(List.of()))
                .body("erasures.find { it.kind == 'capture' && it.id == " + id + " }", not(nullValue()));
        given().get(capture.getString("items[0].viewUrl")).then().statusCode(404);
        assertEquals("0", single("SELECT count(*) FROM capture_blob WHERE digest = '" + digest + "'"));
    }

    @Test
    void aWrongOrMalformedKeyFindsNothingAndTellsNothing() {
        long ticket = claimedTicket();
        addEvidence(ticket, url("/report"));
        worker.runDue();
        String view = captures(ticket).getString("items[0].viewUrl");
        String wrong = view.replaceAll("/[0-9a-f]{64}/", "/" + "0".repeat(64) + "/");
        String malformed = view.replaceAll("/[0-9a-f]{64}/", "/x/");
        JsonPath first = given().get(wrong).then().statusCode(404).extract().jsonPath();
        JsonPath second = given().get(malformed).then().statusCode(404).extract().jsonPath();
        assertEquals(first.getString("detail"), second.getString("detail"), "the same answer, whatever is wrong");
        assertEquals(first.getString("title"), second.getString("title"));
        given().get(view + "capture.warc.gz").then().statusCode(200);
        given().get(wrong + "capture.warc.gz").then().statusCode(404);
        desk.as(desk.alice).get("/api/tickets/{id}/captures", 987_654_321L).then().statusCode(404);
    }

    private String publicPage(long ticket) {
        return given().get("/fact-checks/{id}/{slug}", ticket, org.factdesk.publishing.Slugs.of("No, it did not double"))
                .then().statusCode(200).extract().asString();
    }

    private long claimedTicket() {
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        return ticket;
    }

    private long addEvidence(long ticket, String url) {
        return desk.as(desk.alice).body(Map.of("url", url, "title", "Labour report", "sourceKind", "OFFICIAL_RECORD",
                        "stance", "REFUTES", "accessedOn", LocalDate.now().toString()))
                .post("/api/tickets/{id}/evidence", ticket).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void draftCiting(long ticket, long evidence) {
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", "No, it did not double",
                        "summary", "Official figures.", "explanation", "The office says.", "evidenceIds", List.of(evidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
    }

    private JsonPath captures(long ticket) {
        return desk.as(desk.bob).get("/api/tickets/{id}/captures", ticket).then().statusCode(200).extract().jsonPath();
    }

    private io.restassured.response.ValidatableResponse verify() {
        return desk.as(desk.dave).get("/api/audit/verify").then().statusCode(200);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String single(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
