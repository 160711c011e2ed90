package org.factdesk.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intake through the API: sentences with offsets, scores, reasons and signals; accepting and linking candidates. */
@QuarkusTest
class IntakeTest {

    final Desk desk = new Desk();
    final String run = UUID.randomUUID().toString().substring(0, 8);

    String html() {
        return "<html><body><h1>Council approves budget</h1>"
                + "<p>The city council of Tarnow-" + run + " approved a budget of 4.2 million euros on March 3, 2024, "
                + "according to Mayor Anna Berg.</p>"
                + "<p>A senior official, who spoke on condition of anonymity, said the U.S. embassy had objected.</p>"
                + "<p>Isn&rsquo;t that wonderful?</p><script>alert('x')</script></body></html>";
    }

    long article(String url, String text) {
        return desk.as(desk.alice).body(Map.of("url", url, "outlet", "Example Wire", "language", "en",
                        "publishedAt", "2024-03-04T08:00:00Z", "text", text))
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void htmlBecomesTextWhoseSentencesCarryOffsetsScoresReasonsAndSignals() {
        long id = article("https://news.example/budget-" + run, html());
        String text = desk.as(desk.bob).get("/api/articles/{id}", id).then().statusCode(200)
                .body("language", equalTo("en")).extract().jsonPath().getString("text");
        assertFalse(text.contains("<p>") || text.contains("alert"), text);
        assertTrue(text.startsWith("Council approves budget\n"), text);

        JsonPath sentences = desk.as(desk.bob).get("/api/articles/{id}/sentences", id).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = sentences.getList("items");
        assertEquals(4, items.size(), items.toString());
        for (Map<String, Object> s : items) {
            assertEquals(s.get("text"), text.substring((Integer) s.get("start"), (Integer) s.get("end")));
        }
        Map<String, Object> budget = items.get(1);
        Map<String, Object> anonymous = items.get(2);
        Map<String, Object> question = items.get(3);
        assertEquals("Isn’t that wonderful?", question.get("text"));
        assertTrue((Float) budget.get("score") > (Float) question.get("score"));
        assertEquals(true, budget.get("candidate"));
        assertEquals(false, question.get("candidate"));
        assertTrue(budget.get("claimant").toString().contains("Anna Berg"), budget.toString());
        assertFalse(((List<?>) budget.get("reasons")).isEmpty());

        List<Map<String, Object>> signals = sentences.getList("items[2].signals");
        Map<String, Object> unnamed = signals.stream().filter(s -> s.get("kind").equals("ANONYMOUS_SOURCE")).findFirst()
                .orElseThrow(() -> new AssertionError(signals.toString()));
        Map<String, Object> trigger = ((List<Map<String, Object>>) unnamed.get("triggers")).get(0);
        assertEquals(trigger.get("text"), text.substring((Integer) trigger.get("start"), (Integer) trigger.get("end")));
        assertTrue(trigger.get("text").toString().toLowerCase().contains("anonymity")
                || trigger.get("text").toString().toLowerCase().contains("senior official"), trigger.toString());
        assertTrue((Integer) trigger.get("start") >= (Integer) anonymous.get("start"));

        desk.as(desk.bob).get("/api/articles/{id}/candidates", id).then().statusCode(200)
                .body("items[0].sentence.position", equalTo(1))
                .body("items.sentence.position", org.hamcrest.Matchers.not(hasItem(3)));
    }

    @Test
    void acceptedCandidatesBecomeClaimsLinkedToTheirSentenceAndRepeatsBecomeAppearances() {
        String url = "https://news.example/budget-" + run;
        long id = article(url, html());
        long claim = desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 1, "priority", "HIGH"))))
                .post("/api/articles/{id}/candidates/accept", id).then().statusCode(200)
                .body("items[0].linked", equalTo(false)).extract().jsonPath().getLong("items[0].claimId");
        JsonPath created = desk.as(desk.carol).get("/api/claims/{id}", claim).then().statusCode(200)
                .body("priority", equalTo("HIGH")).body("articleId", equalTo((int) id))
                .body("appearances[0].url", equalTo(url)).body("ticketStatus", equalTo("OPEN"))
                .body("claimant", containsString("Anna Berg")).extract().jsonPath();
        JsonPath sentences = desk.as(desk.carol).get("/api/articles/{id}/sentences", id).then().extract().jsonPath();
        assertEquals(sentences.getInt("items[1].start"), created.getInt("sourceStart"));
        assertEquals(sentences.getInt("items[1].end"), created.getInt("sourceEnd"));
        assertEquals(sentences.getString("items[1].text"), created.getString("text"));
        assertEquals(List.of((int) claim), sentences.getList("items[1].claimIds"));

        // Accepted once only; editors only; the text a claim points into no longer changes.
        desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 1))))
                .post("/api/articles/{id}/candidates/accept", id).then().statusCode(409)
                .body("detail", equalTo("Sentence 1 is already claim " + claim + "."));
        desk.as(desk.carol).get("/api/articles/{id}/sentences", id).then().statusCode(200)
                .body("items[1].claimIds", equalTo(List.of((int) claim)));
        desk.as(desk.alice).body(Map.of("items", List.of(Map.of("position", 2))))
                .post("/api/articles/{id}/candidates/accept", id).then().statusCode(403);
        desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 99))))
                .post("/api/articles/{id}/candidates/accept", id).then().statusCode(400);
        long version = desk.as(desk.carol).get("/api/articles/{id}", id).then().extract().jsonPath().getLong("version");
        desk.as(desk.carol).body(Map.of("url", url, "text", "Something else entirely.", "version", version))
                .put("/api/articles/{id}", id).then().statusCode(409).body("title", equalTo("Article text is cited"));

        // The same statement in another outlet: intake proposes the existing claim, the editor links it.
        String repeatUrl = "https://other.example/repeat-" + run;
        long repeat = article(repeatUrl, "Officials said the city council of Tarnow-" + run
                + " approved a budget of 4.2 million euros on March 3, 2024.");
        desk.as(desk.carol).get("/api/articles/{id}/candidates", repeat).then().statusCode(200)
                .body("items[0].similar.claims[0].claimId", equalTo((int) claim));
        desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 0, "linkTo", claim, "text", "edited"))))
                .post("/api/articles/{id}/candidates/accept", repeat).then().statusCode(400);
        desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 0, "linkTo", claim))))
                .post("/api/articles/{id}/candidates/accept", repeat).then().statusCode(200)
                .body("items[0].linked", equalTo(true)).body("items[0].claimId", equalTo((int) claim));
        desk.as(desk.carol).get("/api/claims/{id}", claim).then()
                .body("appearances.url", equalTo(List.of(url, repeatUrl)));
        long ticket = created.getLong("ticketId");
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then().statusCode(200)
                .body("items.action", hasItem("claim.appearance-added"));
        desk.as(desk.carol).get("/api/claims/{id}/similar", claim).then().statusCode(200)
                .body("claims.claimId", org.hamcrest.Matchers.not(hasItem((int) claim)));
    }

    @Test
    void acceptingSetsDeadlineAndTopicsWithinAClaimsBounds() {
        long id = article("https://news.example/triage-" + run, html());
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(0, org.factdesk.claim.ClaimRequest.TOPICS_MAX)
                .mapToObj(i -> "t" + i).toList();
        desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 1, "topics", tooMany))))
                .post("/api/articles/{id}/candidates/accept", id).then().statusCode(400);
        desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 1, "topics", List.of("x".repeat(61))))))
                .post("/api/articles/{id}/candidates/accept", id).then().statusCode(400);

        JsonPath accepted = desk.as(desk.carol).body(Map.of("items", List.of(Map.of("position", 1,
                        "topics", List.of("budget", "city"), "deadline", "2030-03-01T11:00:00Z"))))
                .post("/api/articles/{id}/candidates/accept", id).then().statusCode(200).extract().jsonPath();
        desk.as(desk.carol).get("/api/claims/{id}", accepted.getLong("items[0].claimId")).then().statusCode(200)
                .body("topics", equalTo(List.of("budget", "city")));
        desk.as(desk.carol).get("/api/tickets/{id}", accepted.getLong("items[0].ticketId")).then().statusCode(200)
                .body("deadline", equalTo("2030-03-01T11:00:00Z"));
    }

    @Test
    void theSampleArticleProposesWhatADeskWouldCheckAndFlagsItsSourcing() throws IOException {
        String sample;
        try (InputStream in = IntakeTest.class.getResourceAsStream("/demo/sample-article.txt")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long id = article("https://news.example/sample-" + run, sample);
        // What the desk sees by default: at most its number of best-ranked sentences (10) over the threshold.
        JsonPath candidates = desk.as(desk.carol).get("/api/articles/{id}/candidates", id)
                .then().statusCode(200).body("perArticle", equalTo(10)).extract().jsonPath();
        List<String> top = candidates.getList("items.sentence.text");
        assertTrue(top.size() >= 3 && top.size() <= 10, top.toString());
        assertTrue(top.subList(0, 3).stream().anyMatch(t -> t.contains("satellite imagery")), top.toString());
        assertTrue(top.stream().anyMatch(t -> t.startsWith("Vreshinina, a Kremlin spokesperson")), top.toString());
        assertFalse(top.stream().anyMatch(t -> t.startsWith("Yet, the meeting’s significance extends beyond rhetoric")), top.toString());

        List<Map<String, Object>> all = desk.as(desk.carol).get("/api/articles/{id}/sentences", id).then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<String> kinds = all.stream().flatMap(s -> ((List<Map<String, Object>>) s.get("signals")).stream())
                .map(s -> (String) s.get("kind")).distinct().toList();
        assertTrue(kinds.containsAll(List.of("ANONYMOUS_SOURCE", "HEDGE", "LEAKED_OR_CLASSIFIED")), kinds.toString());
    }

    @Test
    void anArticleInAnotherLanguageIsDetectedSplitAndNotScored() {
        // Declared English by whoever posted it; the text says otherwise.
        long id = article("https://news.example/es-" + run, "El ayuntamiento de Tarnow aprobó un presupuesto de 4,2 millones"
                + " de euros en 2023, según la alcaldesa Anna Berg. El desempleo en la región bajó al 5,1 por ciento el año pasado.");
        desk.as(desk.bob).get("/api/articles/{id}", id).then().statusCode(200)
                .body("language", equalTo("en")).body("detectedLanguage", equalTo("es"));
        JsonPath sentences = desk.as(desk.bob).get("/api/articles/{id}/sentences", id).then().statusCode(200)
                .body("scored", equalTo(false)).extract().jsonPath();
        assertEquals(2, sentences.getList("items").size());
        assertEquals(List.of(false, false), sentences.getList("items.candidate"));
        assertEquals(List.of("language"), sentences.getList("items[0].reasons.feature"));
        desk.as(desk.bob).get("/api/articles/{id}/candidates", id).then().statusCode(200)
                .body("scored", equalTo(false)).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void theDeskSetsHowManyBestRankedSentencesAreProposed() {
        long id = article("https://news.example/count-" + run, "The council of Tarnow-" + run + " approved a budget of"
                + " 4.2 million euros in 2023, according to Mayor Anna Berg. Unemployment in the region fell to 5.1 percent"
                + " last year, the statistics office said. The new bridge cost 30 million euros more than planned, auditors"
                + " found. Isn't that wonderful? We will see.");
        try {
            perArticle(2);
            List<Map<String, Object>> items = desk.as(desk.bob).get("/api/articles/{id}/sentences", id).then().statusCode(200)
                    .body("perArticle", equalTo(2)).extract().jsonPath().getList("items");
            List<Map<String, Object>> proposed = items.stream().filter(s -> (Boolean) s.get("candidate")).toList();
            assertTrue(items.stream().filter(s -> (Float) s.get("score") >= intake.threshold()).count() > 2, items.toString());
            assertEquals(2, proposed.size(), items.toString());
            float lowestProposed = proposed.stream().map(s -> (Float) s.get("score")).min(Float::compare).orElseThrow();
            assertTrue(items.stream().filter(s -> !(Boolean) s.get("candidate")).allMatch(s -> (Float) s.get("score") <= lowestProposed),
                    items.toString());
            desk.as(desk.bob).get("/api/articles/{id}/candidates", id).then().statusCode(200)
                    .body("perArticle", equalTo(2)).body("items.sentence.position", equalTo(proposed.stream()
                            .sorted((a, b) -> Float.compare((Float) b.get("score"), (Float) a.get("score"))).map(s -> s.get("position")).toList()));
            desk.as(desk.bob).queryParam("limit", 3).get("/api/articles/{id}/candidates", id).then().statusCode(200)
                    .body("items.size()", equalTo(3));
        } finally {
            perArticle(10);
        }
    }

    void perArticle(int count) {
        JsonPath now = desk.as(desk.dave).get("/api/settings").then().extract().jsonPath();
        desk.as(desk.dave).body(Map.of("timeZone", now.getString("timeZone"), "maxInProgress", now.getInt("maxInProgress"),
                "allowPrivateWebhookTargets", now.getBoolean("allowPrivateWebhookTargets"),
                "candidatesPerArticle", count, "version", now.getLong("version"))).put("/api/settings").then()
                .statusCode(200).body("candidatesPerArticle", equalTo(count));
    }

    @jakarta.inject.Inject
    ArticleIntake intake;

    @Test
    void aReplicaAlreadyAnalysingItsMaximumAnswers503WithRetryAfterAndStoresNothing() throws InterruptedException {
        int taken = intake.slots().drainPermits();
        try {
            String url = "https://news.example/busy-" + run;
            desk.as(desk.alice).body(Map.of("url", url, "language", "en", "text", "The council met on Monday."))
                    .post("/api/articles").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", String.valueOf(ArticleIntake.RETRY_AFTER_SECONDS))
                    .body("title", equalTo("Intake busy"));
            List<String> urls = desk.as(desk.alice).queryParam("size", 100).get("/api/articles").then().statusCode(200)
                    .extract().jsonPath().getList("items.url");
            assertFalse(urls.contains(url), urls.toString());
        } finally {
            intake.slots().release(taken);
        }
        article("https://news.example/after-busy-" + run, "The council met on Monday.");
    }
}
