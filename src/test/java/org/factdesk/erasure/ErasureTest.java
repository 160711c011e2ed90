package org.factdesk.erasure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.factdesk.tip.TipChannel;
import org.factdesk.tip.TipInput;
import org.factdesk.tip.TipIntake;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal values reach the audit trail only as salted commitments, and erasing one deletes the
 * value and its salt everywhere it was kept, while the trail still verifies and names the erasure.
 */
@QuarkusTest
class ErasureTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TipIntake tips;

    final Desk desk = new Desk();

    @Test
    void claimantErasureRemovesTheNameFromTheClaimThePublicPageAndTheFeeds() throws Exception {
        String topic = Desk.unique("erasuretopic");
        String name = Desk.unique("Jane Claimant");
        long ticket = desk.publish(Map.of("text", "The river rose three metres " + topic, "claimant", name,
                "language", "en", "topics", List.of(topic)), "False", "The river did not rise three metres");
        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        String page = "/fact-checks/" + ticket + "/the-river-did-not-rise-three-metres";
        given().get(page).then().statusCode(200).body(containsString(name));
        given().get("/feeds/claimreview.json?topic=" + topic).then().body(containsString(name));
        Response feed = given().get("/feeds/feed.json?topic=" + topic);
        String etag = feed.header("ETag");
        assertNotNull(etag);
        assertEquals(0, eventsContaining(name), "the trail holds the claimant only as a commitment");

        JsonPath erasure = erase("claimant", claim, "Request by the person concerned").statusCode(201)
                .body("kind", equalTo("claimant")).body("targetId", equalTo((int) claim))
                .body("erasedBy", equalTo(desk.dave)).extract().jsonPath();

        assertNull(single("SELECT claimant FROM claim WHERE id = " + claim));
        assertNull(single("SELECT claimant_salt FROM claim WHERE id = " + claim));
        assertEquals("0", single("SELECT count(*) FROM verdict_version WHERE claimant IS NOT NULL AND ticket_id = " + ticket));
        desk.as(desk.carol).get("/api/claims/{id}", claim).then().statusCode(200)
                .body("claimant", nullValue()).body("claimantErased", equalTo(erasure.getString("erasedAt")));
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().statusCode(200) // the queue says "(removed …)"
                .body("claim.claimant", nullValue()).body("claim.claimantErased", equalTo(erasure.getString("erasedAt")));

        given().get(page).then().statusCode(200).body(not(containsString(name)))
                .body(containsString("Claimant removed on"));
        for (String file : List.of("claimreview.json", "feed.json", "atom.xml", "rss.xml")) {
            given().get("/feeds/" + file + "?topic=" + topic).then().statusCode(200).body(not(containsString(name)));
        }
        given().get("/feeds/claimreview.json?topic=" + topic).then()
                .body("dataFeedElement[0].itemReviewed.author", nullValue());
        Response after = given().header("If-None-Match", etag).get("/feeds/feed.json?topic=" + topic);
        assertEquals(200, after.statusCode(), "a cached copy showing the name is stale");
        assertNotEquals(etag, after.header("ETag"));

        assertErasureVerified("claimant", claim);
        String event = single("SELECT changes::text FROM audit_event WHERE action = 'erasure.recorded'"
                + " AND stream = 'desk' AND (changes->>'erasureId')::bigint = " + erasure.getLong("id"));
        assertTrue(event.contains("\"kind\": \"claimant\"") && event.contains("\"targetId\": " + claim), event);
        assertFalse(event.contains("Request by"), "the reason stays out of the chain: " + event);

        erase("claimant", claim, "again").statusCode(409).body("title", equalTo("Nothing to erase"));
    }

    @Test
    void claimantCommitmentsCanBeCheckedWhileTheSaltExists() throws Exception {
        String first = Desk.unique("Minister Alpha");
        String second = Desk.unique("Minister Beta");
        JsonPath created = desk.as(desk.carol).body(Map.of("text", "Taxes fell " + first, "claimant", first, "language", "en"))
                .post("/api/claims").then().statusCode(201).extract().jsonPath();
        long claim = created.getLong("id");
        long ticket = created.getLong("ticketId");
        desk.as(desk.carol).body(Map.of("text", "Taxes fell " + first, "claimant", second, "language", "en",
                "version", created.getLong("version"))).put("/api/claims/{id}", claim).then().statusCode(200);

        byte[] salt = salt("SELECT claimant_salt FROM claim WHERE id = " + claim);
        assertEquals(32, salt.length);
        assertEquals(sha256(salt, first), eventChange(ticket, "ticket.opened", "{claimant,sha256}"));
        assertEquals(sha256(salt, first), eventChange(ticket, "claim.updated", "{claimant,before,sha256}"));
        assertEquals(sha256(salt, second), eventChange(ticket, "claim.updated", "{claimant,after,sha256}"));
        assertEquals(0, eventsContaining(second), "names appear in events only as commitments");

        erase("claimant", claim, "Erasure request").statusCode(201);
        assertNull(single("SELECT claimant_salt FROM claim WHERE id = " + claim));
        assertEquals(sha256(salt, second), eventChange(ticket, "claim.updated", "{claimant,after,sha256}"),
                "events stay exactly as they were");
        verify().body("intact", equalTo(true));
    }

    @Test
    void commentErasureRemovesTheBodyAndTheListSaysWhen() throws Exception {
        long ticket = desk.readyForReview();
        String body = Desk.unique("Please call me on 0123 456");
        long comment = desk.as(desk.alice).body(Map.of("body", body)).post("/api/tickets/{id}/comments", ticket)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        String changes = Desk.unique("Cite the figures, says my neighbour");
        desk.act(desk.bob, ticket, "request-changes", Map.of("comment", changes)).statusCode(200);
        long note = Long.parseLong(eventChange(ticket, "ticket.request-changes", "{commentId}"));

        assertEquals(0, eventsContaining(body) + eventsContaining(changes));
        assertEquals(sha256(salt("SELECT body_salt FROM comment WHERE id = " + comment), body),
                eventChange(ticket, "comment.added", "{body,sha256}"));
        assertEquals(sha256(salt("SELECT body_salt FROM comment WHERE id = " + note), changes),
                eventChange(ticket, "ticket.request-changes", "{comment,sha256}"));

        erase("comment", comment, "Contains a phone number").statusCode(201);
        erase("comment", note, "Names a private person").statusCode(201);
        for (long id : List.of(comment, note)) {
            assertNull(single("SELECT body FROM comment WHERE id = " + id));
            assertNull(single("SELECT body_salt FROM comment WHERE id = " + id));
        }
        desk.as(desk.alice).get("/api/tickets/{id}/comments", ticket).then().statusCode(200)
                .body("items.find { it.id == " + comment + " }.body", nullValue())
                .body("items.find { it.id == " + comment + " }.bodyErased", notNullValue())
                .body("items.find { it.id == " + comment + " }.author", equalTo(desk.alice));
        assertErasureVerified("comment", comment);
        assertErasureVerified("comment", note);
        erase("comment", comment, "again").statusCode(409);
    }

    @Test
    void articleAuthorAndTextErasureLeaveNothingOfThemButClaimsKeepTheirText() throws Exception {
        String run = Desk.unique("r");
        String author = Desk.unique("Reporter Name");
        String secret = Desk.unique("whispered");
        String text = "The council of Tarnow-" + run + " approved a budget of 4.2 million euros on March 3, 2024, "
                + "according to Mayor Anna Berg. A neighbour " + secret + " that the embassy objected.";
        JsonPath article = desk.as(desk.alice).body(Map.of("url", "https://news.example/" + run, "language", "en",
                "author", "Someone else", "text", text)).post("/api/articles").then().statusCode(201).extract().jsonPath();
        long id = article.getLong("id");
        desk.as(desk.carol).body(Map.of("url", "https://news.example/" + run, "language", "en", "author", author,
                "text", text, "version", article.getLong("version"))).put("/api/articles/{id}", id).then().statusCode(200);
        long claim = desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 0))))
                .post("/api/articles/{id}/candidates/accept", id).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].claimId");
        JsonPath claimBefore = desk.as(desk.carol).get("/api/claims/{id}", claim).then().extract().jsonPath();
        assertNotNull(claimBefore.get("sourceStart"));
        assertEquals(0, eventsContaining(author) + eventsContaining(secret) + eventsContaining("Someone else"));

        erase("article-author", id, "The author asked").statusCode(201);
        assertNull(single("SELECT author FROM article WHERE id = " + id));
        assertNull(single("SELECT author_salt FROM article WHERE id = " + id));
        desk.as(desk.carol).get("/api/articles/{id}", id).then().body("author", nullValue())
                .body("authorErased", notNullValue()).body("text", equalTo(text));

        erase("article-text", id, "The text names private people").statusCode(201);
        assertNull(single("SELECT body FROM article WHERE id = " + id));
        assertNull(single("SELECT body_salt FROM article WHERE id = " + id));
        assertEquals("0", single("SELECT count(*) FROM article_sentence WHERE article_id = " + id));
        assertEquals("0", single("SELECT count(*) FROM article_sentence WHERE text LIKE '%" + secret + "%'"));
        desk.as(desk.carol).get("/api/articles/{id}", id).then().body("text", nullValue()).body("textErased", notNullValue());
        JsonPath claimAfter = desk.as(desk.carol).get("/api/claims/{id}", claim).then().statusCode(200)
                .body("text", equalTo(claimBefore.getString("text"))).body("sourceStart", nullValue())
                .body("sourceEnd", nullValue()).extract().jsonPath();
        long ticket = claimAfter.getLong("ticketId");
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then()
                .body("items.action", hasItems("ticket.opened", "claim.source-cleared"));
        // The claim can still be edited: nothing points into the erased text any more.
        desk.as(desk.carol).body(Map.of("text", claimAfter.getString("text"), "language", "en", "articleId", id,
                "version", claimAfter.getLong("version"))).put("/api/claims/{id}", claim).then().statusCode(200);

        assertErasureVerified("article-author", id);
        assertErasureVerified("article-text", id);
        erase("article-text", id, "again").statusCode(409);
    }

    @Test
    void tipContactErasureDeletesTheContactAndDropsItsWaitingAnswers() throws Exception {
        String contact = Desk.unique("reader") + "@readers.example";
        TipIntake.Receipt receipt = tips.receive(new TipInput(TipChannel.WEB, "Did the ferry " + Desk.unique("f")
                + " really sink?", List.of(), "en", contact, true));
        long ticket = desk.newTicket("NORMAL");
        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        update("UPDATE tip_group SET claim_id = " + claim + ", attached_at = now(), attached_by = 'test' WHERE id = "
                + receipt.groupId());
        // An answer waits in the outbox (as after a publication) when the requester asks to be forgotten.
        update("INSERT INTO tip_answer (tip_id, kind, ticket_id, version, message_id, created_at, state, next_at) VALUES ("
                + receipt.tipId() + ", 'published', " + ticket + ", 1, '<erasure-test." + receipt.tipId()
                + "@factdesk.test>', now(), 'PENDING', now())");
        assertEquals(0, eventsContaining(contact), "the contact is in no audit event");

        erase("tip-contact", receipt.tipId(), "The requester asked").statusCode(201)
                .body("kind", equalTo("tip-contact")).body("targetId", equalTo((int) receipt.tipId()));
        assertNull(single("SELECT contact FROM tip WHERE id = " + receipt.tipId()));
        assertNull(single("SELECT contact_salt FROM tip WHERE id = " + receipt.tipId()));
        assertNotNull(single("SELECT contact_removed_at FROM tip WHERE id = " + receipt.tipId()));
        assertEquals("DROPPED", single("SELECT state FROM tip_answer WHERE tip_id = " + receipt.tipId()));
        assertErasureVerified("tip-contact", receipt.tipId());

        erase("tip-contact", receipt.tipId(), "again").statusCode(409).body("title", equalTo("Nothing to erase"));
        // A tip sent without a contact has nothing to erase either.
        TipIntake.Receipt anonymous = tips.receive(new TipInput(TipChannel.WEB, "Is the ferry " + Desk.unique("g")
                + " safe?", List.of(), "en", null, false));
        erase("tip-contact", anonymous.tipId(), "r").statusCode(409)
                .body("detail", equalTo("Tip " + anonymous.tipId() + " has no contact to erase."));
    }

    @Test
    void onlyAdminsEraseAndBadRequestsAreProblems() throws SQLException {
        long ticket = desk.newTicket("LOW");
        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        Map<String, Object> body = Map.of("kind", "claimant", "id", claim, "reason", "r");
        given().contentType("application/json").body(body).post("/api/erasures").then().statusCode(401);
        given().get("/api/erasures").then().statusCode(401);
        for (String who : List.of(desk.alice, desk.bob, desk.carol)) {
            desk.as(who).body(body).post("/api/erasures").then().statusCode(403);
            desk.as(who).get("/api/erasures").then().statusCode(403);
        }
        desk.as(desk.dave).body(Map.of("kind", "requester-contact", "id", claim, "reason", "r")).post("/api/erasures").then()
                .statusCode(400).contentType("application/problem+json")
                .body("kinds", equalTo(List.of("claimant", "comment", "article-author", "article-text", "tip-contact", "capture")))
                .body("detail", equalTo("Field 'kind' must be one of claimant, comment, article-author, article-text, tip-contact, capture."));
        desk.as(desk.dave).body(Map.of("kind", "claimant", "id", claim)).post("/api/erasures").then().statusCode(400);
        desk.as(desk.dave).body(Map.of("kind", "claimant", "id", claim, "reason", "x".repeat(1001)))
                .post("/api/erasures").then().statusCode(400);
        desk.as(desk.dave).body(Map.of("kind", "claimant", "reason", "r")).post("/api/erasures").then().statusCode(400);
        for (String kind : List.of("claimant", "comment", "article-author", "article-text", "tip-contact", "capture")) {
            erase(kind, 987_654_321L, "r").statusCode(404).contentType("application/problem+json");
        }
        assertEquals("0", single("SELECT count(*) FROM erasure WHERE target_id = 987654321"));
        // A claim that never had a claimant has nothing to erase.
        long without = desk.as(desk.carol).body(Map.of("text", "No one said this", "language", "en"))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("id");
        erase("claimant", without, "r").statusCode(409).body("detail", equalTo("Claim " + without + " has no claimant to erase."));

        erase("claimant", claim, "Listed").statusCode(201);
        desk.as(desk.dave).get("/api/erasures?size=100").then().statusCode(200)
                .body("items.find { it.kind == 'claimant' && it.targetId == " + claim + " }.reason", equalTo("Listed"));
    }

    void update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    io.restassured.response.ValidatableResponse erase(String kind, long id, String reason) {
        return desk.as(desk.dave).body(Map.of("kind", kind, "id", id, "reason", reason)).post("/api/erasures").then();
    }

    io.restassured.response.ValidatableResponse verify() {
        return desk.as(desk.dave).get("/api/audit/verify").then().statusCode(200);
    }

    void assertErasureVerified(String kind, long id) {
        verify().body("intact", equalTo(true))
                .body("erasures.find { it.kind == '" + kind + "' && it.id == " + id + " }.erasedAt", notNullValue());
    }

    long eventsContaining(String text) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_event WHERE strpos(changes::text, ?) > 0")) {
            s.setString(1, text);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A value inside the changes of the ticket's first event with this action. */
    String eventChange(long ticket, String action, String path) throws SQLException {
        return single("SELECT changes #>> '" + path + "' FROM audit_event WHERE stream = 'ticket:" + ticket
                + "' AND action = '" + action + "' ORDER BY seq LIMIT 1");
    }

    /** SHA-256 over the salt and the UTF-8 value, computed here independently of the server. */
    static String sha256(byte[] salt, String value) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(salt);
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    byte[] salt(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(query)) {
            r.next();
            return r.getBytes(1);
        }
    }

    String single(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            assertEquals(1, values.size(), query);
            return values.get(0);
        }
    }
}
