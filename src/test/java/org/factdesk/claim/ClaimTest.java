package org.factdesk.claim;

import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ClaimTest {

    final Desk desk = new Desk();

    @Test
    void creatingAClaimOpensItsTicket() {
        long article = desk.as(desk.carol).body(Map.of("url", "https://news.example/story", "outlet", "Example News",
                        "author", "A. Writer", "publishedAt", "2026-11-20T08:00:00Z", "title", "A story", "text", "Body"))
                .post("/api/articles").then().statusCode(201).body("outlet", equalTo("Example News"))
                .extract().jsonPath().getLong("id");
        var created = desk.as(desk.carol).body(Map.of("text", "Unemployment doubled last year", "claimant", "A senator",
                        "language", "en", "topics", List.of("Economy", "jobs"), "priority", "HIGH",
                        "deadline", "2026-12-01T17:00:00+01:00", "articleId", article,
                        "appearances", List.of(Map.of("url", "https://video.example/1", "appearedAt", "2026-11-20T09:00:00Z"))))
                .post("/api/claims").then().statusCode(201)
                .body("ticketId", notNullValue())
                .body("ticketStatus", equalTo("OPEN"))
                .body("topics", contains("economy", "jobs"))
                .body("deadline", equalTo("2026-12-01T16:00:00Z"))
                .body("articleId", equalTo((int) article))
                .body("appearances[0].url", equalTo("https://video.example/1"))
                .body("createdBy", equalTo(desk.carol))
                .extract().jsonPath();
        desk.as(desk.bob).get("/api/tickets/{id}", created.getLong("ticketId")).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("claim.id", equalTo(created.getInt("id")))
                .body("claim.priority", equalTo("HIGH"));
    }

    @Test
    void listsFilterSearchAndPaginate() {
        String word = Desk.unique("zebra");
        long a = create(word + " crossings tripled", "fr", "URGENT", "transport");
        long b = create("Nothing about " + word, "fr", "LOW", "transport");
        create("Unrelated claim", "fr", "LOW", "transport");
        desk.act(desk.alice, b, "claim").statusCode(200);

        desk.as(desk.bob).get("/api/tickets?q={q}", word).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains((int) a, (int) b)); // urgency order
        desk.as(desk.bob).get("/api/tickets?q={q}&status=IN_PROGRESS", word).then()
                .body("items.id", contains((int) b)).body("items[0].assignee", equalTo(desk.alice));
        desk.as(desk.bob).get("/api/tickets?q={q}&assignee={who}", word, desk.alice).then().body("total", equalTo(1));
        desk.as(desk.bob).get("/api/claims?q={q}&status=OPEN,IN_PROGRESS&sort=-created", word).then()
                .body("items.ticketId", contains((int) b, (int) a));
        desk.as(desk.bob).get("/api/tickets?q={q}&size=1&page=1", word).then()
                .body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items.id", contains((int) b));
        desk.as(desk.bob).get("/api/tickets?topic=transport&language=fr&q={q}", word).then().body("total", equalTo(2));
        desk.as(desk.bob).get("/api/tickets?q=%25").then().statusCode(200); // a literal %, not a wildcard
    }

    @Test
    void overdueMeansPastTheDeadlineAndStillOnTheDesk() {
        String text = "Late " + Desk.unique("x");
        long late = desk.as(desk.carol).body(Map.of("text", text, "language", "en",
                "deadline", "2020-01-01T00:00:00Z")).post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
        desk.as(desk.bob).get("/api/tickets/{id}", late).then().body("overdue", equalTo(true));
        desk.as(desk.bob).get("/api/tickets?overdue=true&size=200").then().body("items.id", hasItem((int) late))
                .body("items.overdue", everyItem(equalTo(true)));
        desk.act(desk.carol, late, "discard", Map.of("reason", "too late")).statusCode(200);
        desk.as(desk.bob).get("/api/tickets?overdue=true&size=200").then().body("items.id", not(hasItem((int) late)));
        desk.as(desk.bob).get("/api/tickets?overdue=false&q={q}", text).then().body("items.id", contains((int) late));
    }

    @Test
    void markingADuplicateDiscardsItsTicketAndMovesItsAppearances() {
        long original = claimId(desk.as(desk.carol).body(Map.of("text", "The original", "language", "en",
                "appearances", List.of(Map.of("url", "https://a.example/1")))).post("/api/claims").then().statusCode(201)
                .extract().jsonPath().getLong("ticketId"));
        long duplicateTicket = desk.as(desk.carol).body(Map.of("text", "The same, again", "language", "en",
                "appearances", List.of(Map.of("url", "https://b.example/2")))).post("/api/claims").then().statusCode(201)
                .extract().jsonPath().getLong("ticketId");
        long duplicate = claimId(duplicateTicket);

        desk.as(desk.carol).body(Map.of("duplicateOf", duplicate)).post("/api/claims/{id}/mark-duplicate", duplicate).then().statusCode(400);
        desk.as(desk.carol).body(Map.of("duplicateOf", original)).post("/api/claims/{id}/mark-duplicate", duplicate).then()
                .statusCode(200).body("duplicateOf", equalTo((int) original)).body("ticketStatus", equalTo("DISCARDED"))
                .body("appearances", org.hamcrest.Matchers.empty());
        desk.as(desk.carol).get("/api/tickets/{id}", duplicateTicket).then().body("reason", equalTo("duplicate-of:" + original));
        desk.as(desk.carol).get("/api/claims/{id}", original).then()
                .body("appearances.url", containsInAnyOrder("https://a.example/1", "https://b.example/2"));
        desk.as(desk.carol).body(Map.of("duplicateOf", duplicate)).post("/api/claims/{id}/mark-duplicate", original).then()
                .statusCode(409);
    }

    @Test
    void editingAClaimAndTriagingItsTicketAreAuditedApart() {
        String word = Desk.unique("triage");
        long ticket = create("Old wording " + word, "en", "LOW", "health");
        long high = create("Another " + word, "en", "HIGH", "health");
        long claim = claimId(ticket);
        desk.as(desk.carol).body(Map.of("text", "New wording " + word, "language", "en", "version", 0))
                .put("/api/claims/{id}", claim).then().statusCode(200).body("priority", equalTo("LOW")).body("version", equalTo(1));
        long version = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("version");
        desk.as(desk.carol).body(Map.of("priority", "URGENT", "version", version)).put("/api/tickets/{id}/triage", ticket)
                .then().statusCode(200).body("claim.priority", equalTo("URGENT"));
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then()
                .body("items.reverse()[1].action", equalTo("claim.updated"))
                .body("items.reverse()[1].changes.text.before", equalTo("Old wording " + word))
                .body("items.reverse()[1].changes.text.after", equalTo("New wording " + word))
                .body("items.reverse()[1].changes.priority", nullValue())
                .body("items.reverse()[2].action", equalTo("ticket.triaged"))
                .body("items.reverse()[2].changes.priority.after", equalTo("URGENT"));
        desk.as(desk.carol).get("/api/tickets?q=" + word + "&sort=urgency").then()
                .body("items.id", contains((int) ticket, (int) high));
    }

    long create(String text, String language, String priority, String topic) {
        return desk.as(desk.carol).body(Map.of("text", text, "language", language, "priority", priority, "topics", List.of(topic)))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
    }

    long claimId(long ticket) {
        return desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
    }
}
