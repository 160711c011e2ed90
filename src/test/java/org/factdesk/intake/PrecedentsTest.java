package org.factdesk.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.factdesk.similar.MeaningWorker;
import org.factdesk.support.Desk;
import org.factdesk.support.StoredMeanings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dismissing candidates, and candidates showing the desk's past decisions on ones like them. */
@QuarkusTest
class PrecedentsTest {

    final Desk desk = new Desk();
    final String place = Desk.unique("Tarnow").replaceAll("[0-9]", "x");

    @Inject
    MeaningWorker worker;

    @AfterEach
    void claimsAreFoundByTheirWordsAgainForTheOtherTests() {
        StoredMeanings.forgetClaims();
    }

    long article(String url, String text) {
        return desk.as(desk.alice).body(Map.of("url", url, "outlet", "Example Wire", "language", "en", "text", text))
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aDismissedCandidateLeavesTheCandidatesAndLaterOnesShowTheDesksDecisions() {
        String budget = "The council of " + place + " approved a budget of 4.2 million euros in 2023, according to Mayor Anna Berg.";
        String bridge = "The new bridge in " + place + " cost 30 million euros more than planned, auditors found.";
        long first = article("https://news.example/first-" + place, budget + " " + bridge);
        JsonPath sentences = desk.as(desk.carol).get("/api/articles/{id}/sentences", first).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(true, true), sentences.getList("items.candidate"));

        // The editor accepts the budget and dismisses the bridge.
        desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 0))))
                .post("/api/articles/{id}/candidates/accept", first).then().statusCode(200);
        desk.as(desk.alice).body(Map.of("positions", List.of(1))).post("/api/articles/{id}/candidates/dismiss", first)
                .then().statusCode(403);
        desk.as(desk.carol).body(Map.of("positions", List.of(0))).post("/api/articles/{id}/candidates/dismiss", first)
                .then().statusCode(409);
        desk.as(desk.carol).body(Map.of("positions", List.of(1))).post("/api/articles/{id}/candidates/dismiss", first)
                .then().statusCode(204);
        desk.as(desk.carol).body(Map.of("positions", List.of(1))).post("/api/articles/{id}/candidates/dismiss", first)
                .then().statusCode(409);
        desk.as(desk.carol).get("/api/articles/{id}/candidates", first).then().statusCode(200)
                .body("items.sentence.position", not(hasItem(1)));
        desk.as(desk.carol).get("/api/articles/{id}/sentences", first).then().statusCode(200)
                .body("items[1].dismissed", equalTo(true)).body("items[1].candidate", equalTo(false));
        while (worker.runDue() > 0) {
            // the accepted claim gets its meaning
        }

        // Another outlet reports both again, in other words.
        long second = article("https://news.example/second-" + place, "Mayor Anna Berg said the " + place + " council passed a"
                + " 4.2 million euro budget in 2023. Auditors found that the new " + place + " bridge cost 30 million euros more than planned.");
        List<Map<String, Object>> items = desk.as(desk.carol).get("/api/articles/{id}/candidates", second).then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Object> budgetAgain = item(items, "budget");
        Map<String, Object> bridgeAgain = item(items, "bridge");
        Map<String, Object> accepted = ((List<Map<String, Object>>) budgetAgain.get("precedents")).get(0);
        assertEquals("ACCEPTED", accepted.get("decision"), budgetAgain.toString());
        assertEquals(budget, accepted.get("text"));
        assertTrue(((Number) accepted.get("meaning")).doubleValue() >= 0.6);
        Map<String, Object> dismissed = ((List<Map<String, Object>>) bridgeAgain.get("precedents")).get(0);
        assertEquals("DISMISSED", dismissed.get("decision"), bridgeAgain.toString());
        assertEquals(bridge, dismissed.get("text"));
        assertEquals((int) first, dismissed.get("articleId"));

        // Read again after an edit (no claim points into this one), a dismissed sentence still there stays dismissed.
        String url = "https://news.example/third-" + place;
        long third = article(url, bridge);
        desk.as(desk.carol).body(Map.of("positions", List.of(0))).post("/api/articles/{id}/candidates/dismiss", third)
                .then().statusCode(204);
        long version = desk.as(desk.carol).get("/api/articles/{id}", third).then().extract().jsonPath().getLong("version");
        desk.as(desk.carol).body(Map.of("url", url, "outlet", "Example Wire", "language", "en",
                "text", "An update from the city hall. " + bridge, "version", version)).put("/api/articles/{id}", third)
                .then().statusCode(200);
        desk.as(desk.carol).get("/api/articles/{id}/sentences", third).then().statusCode(200)
                .body("items[0].dismissed", equalTo(false)).body("items[1].dismissed", equalTo(true));
    }

    private static Map<String, Object> item(List<Map<String, Object>> items, String word) {
        return items.stream().filter(i -> ((Map<String, Object>) i.get("sentence")).get("text").toString().contains(word))
                .findFirst().orElseThrow(() -> new AssertionError(word + " not among " + items));
    }
}
