package org.factdesk.support;

import io.restassured.path.json.JsonPath;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Real objects for the path parameters of {@link ApiOperations}, made through the API by the roles
 * that may make them, keyed by the collection segment that names them in paths (and by parameter
 * name for slug): a claim with its ticket claimed by alice, evidence, a comment, an article, an
 * imported prior review, the active rating scale, a webhook endpoint on a dead loopback port with a
 * delivery to it, and a published fact-check.
 */
public final class ApiFixtures {

    private ApiFixtures() {
    }

    public static Map<String, String> create(Desk desk) {
        Map<String, String> ids = new LinkedHashMap<>();
        String run = UUID.randomUUID().toString().substring(0, 8);

        JsonPath claim = desk.as(desk.carol).body(Map.of("text", "Sweep claim " + run, "language", "en", "priority", "LOW"))
                .post("/api/claims").then().statusCode(201).extract().jsonPath();
        long ticket = claim.getLong("ticketId");
        ids.put("claims", claim.getString("id"));
        ids.put("tickets", String.valueOf(ticket));
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        ids.put("evidence", String.valueOf(desk.addEvidence(desk.alice, ticket)));
        ids.put("comments", desk.as(desk.alice).body(Map.of("body", "Sweep comment")).post("/api/tickets/{id}/comments", ticket)
                .then().statusCode(201).extract().jsonPath().getString("id"));

        ids.put("articles", desk.as(desk.carol).body(Map.of("url", "https://news.example/sweep-" + run, "title", "Sweep",
                        "text", "The minister said unemployment doubled last year. Figures show otherwise."))
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getString("id"));

        desk.as(desk.carol).body(Map.of("@type", "ClaimReview", "url", "https://checker.example/sweep-" + run,
                        "claimReviewed", "Sweep prior review " + run, "datePublished", LocalDate.now().toString(),
                        "author", Map.of("@type", "Organization", "name", "Checker Example"),
                        "reviewRating", Map.of("ratingValue", "2", "bestRating", "5", "worstRating", "1", "alternateName", "False")))
                .post("/api/prior-reviews/import").then().statusCode(200);
        ids.put("prior-reviews", desk.as(desk.carol).queryParam("q", "Sweep prior review " + run).get("/api/prior-reviews")
                .then().statusCode(200).extract().jsonPath().getString("items[0].id"));

        // The active scale: activating it again (as an admin caller may) changes nothing for other tests.
        ids.put("rating-scales", desk.as(desk.dave).get("/api/rating-scales?size=200").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.active }.id"));

        // A webhook endpoint on a loopback port nobody listens on, and a delivery to it from a publication.
        desk.allowPrivateTargets(true);
        try {
            ids.put("webhooks", desk.as(desk.dave).body(Map.of("url", "http://127.0.0.1:9/sweep-" + run,
                            "events", List.of("fact-check.published"))).post("/api/webhooks")
                    .then().statusCode(201).extract().jsonPath().getString("id"));
        } finally {
            desk.allowPrivateTargets(false);
        }
        String headline = "Sweep verdict " + run;
        long published = desk.publish(Map.of("text", "Sweep published claim " + run, "language", "en", "priority", "LOW"),
                "False", headline);
        ids.put("fact-checks", String.valueOf(published));
        ids.put("slug", given().redirects().follow(false).get("/fact-checks/{id}", published).then().statusCode(301)
                .extract().header("Location").replaceAll(".*/", ""));
        ids.put("deliveries", desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", ids.get("webhooks")).then()
                .statusCode(200).extract().jsonPath().getString("items[0].id"));
        return ids;
    }

    /** Nothing the fixtures made may act on other tests: the webhook endpoint stops receiving. */
    public static void cleanUp(Desk desk, Map<String, String> fixtures) {
        if (fixtures.containsKey("webhooks")) {
            desk.as(desk.dave).delete("/api/webhooks/{id}", fixtures.get("webhooks"));
        }
    }
}
