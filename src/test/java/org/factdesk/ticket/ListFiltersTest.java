package org.factdesk.ticket;

import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** The list filters issue 16 added: a ticket's priority, changes requested; an article's words and language. */
@QuarkusTest
class ListFiltersTest {

    final Desk desk = new Desk();

    @Test
    void ticketsByPriorityAndChangesRequested() {
        String topic = Desk.unique("filters").toLowerCase();
        long urgent = ticket("URGENT", topic);
        long low = ticket("LOW", topic);
        long sentBack = ticket("LOW", topic);
        desk.act(desk.carol, sentBack, "assign", Map.of("assignee", desk.alice)).statusCode(200);
        long evidence = desk.addEvidence(desk.alice, sentBack);
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", "No", "summary", "S.",
                "explanation", "E.", "evidenceIds", List.of(evidence))).put("/api/tickets/{id}/verdict", sentBack)
                .then().statusCode(200);
        desk.act(desk.alice, sentBack, "submit").statusCode(200);
        desk.act(desk.bob, sentBack, "request-changes", Map.of("comment", "Another source, please")).statusCode(200);

        list("topic", topic, "priority", "urgent").body("items.id", contains((int) urgent));
        list("topic", topic, "priority", "LOW").body("items.id", containsInAnyOrder((int) low, (int) sentBack));
        list("topic", topic, "changesRequested", "true").body("items.id", contains((int) sentBack))
                .body("items[0].changesRequested", equalTo(true));
        list("topic", topic, "changesRequested", "false").body("items.id", containsInAnyOrder((int) urgent, (int) low));
        list("topic", topic, "priority", "LOW", "changesRequested", "false").body("items.id", contains((int) low));
        desk.as(desk.alice).queryParam("priority", "SOON").get("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json");
        desk.as(desk.alice).queryParam("priority", "x".repeat(21)).get("/api/tickets").then().statusCode(400);
    }

    @Test
    void articlesByWordsAndLanguage() {
        String run = Desk.unique("outlet").replace("-", "");
        long english = article(run + "_en", "en", "The 100% " + run + " report");
        long german = article(run + "_de", "de", "Der Bericht " + run);
        desk.as(desk.alice).queryParam("q", run).queryParam("size", 200).get("/api/articles").then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) english, (int) german)).body("total", equalTo(2));
        desk.as(desk.alice).queryParam("q", run).queryParam("language", "de").get("/api/articles").then()
                .body("items.id", contains((int) german));
        desk.as(desk.alice).queryParam("q", "100% " + run).get("/api/articles").then().body("items.id", contains((int) english));
        desk.as(desk.alice).queryParam("q", "1_0% " + run).get("/api/articles").then().body("total", equalTo(0));
        desk.as(desk.alice).queryParam("q", "x".repeat(201)).get("/api/articles").then().statusCode(400);
    }

    private long ticket(String priority, String topic) {
        return desk.as(desk.carol).body(Map.of("text", "Filtered " + Desk.unique("c"), "language", "en",
                        "priority", priority, "topics", List.of(topic)))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
    }

    private long article(String url, String language, String title) {
        return desk.as(desk.alice).body(Map.of("url", "https://news.example/" + url, "language", language, "title", title,
                        "text", "Some words of the article."))
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private io.restassured.response.ValidatableResponse list(String... params) {
        var request = desk.as(desk.alice).queryParam("size", 200);
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/tickets").then().statusCode(200);
    }
}
