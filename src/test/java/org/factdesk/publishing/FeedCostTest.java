package org.factdesk.publishing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.factdesk.support.Desk;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A feed page costs a fixed number of SQL statements, whatever its size (counted with Hibernate's
 * statistics, on in the test profile), and an unchanged feed is served from memory.
 */
@QuarkusTest
class FeedCostTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    final Desk desk = new Desk();

    @Test
    void aFeedPageCostsTheSameStatementsForOneEntryAsForFiveAndAnUnchangedOneIsCached() {
        String topic = Desk.unique("costtopic");
        for (int i = 0; i < 4; i++) {
            desk.publish(claim(topic, "Claim " + i), "False", "Verdict " + i);
        }
        long corrected = desk.publish(claim(topic, "Corrected claim"), "False", "Verdict to correct");
        correctWithNewRating(corrected, "True");

        String path = "/feeds/feed.json?topic=" + topic;
        long one = statements(path + "&size=1");
        long five = statements(path + "&size=5");
        System.out.printf("Feed page statements: 1 entry %d, 5 entries %d%n", one, five);
        assertTrue(given().get(path + "&size=5").then().statusCode(200).extract().asString().contains("The rating was wrong."));
        assertEquals(one, five, "statements for a page of 1 and of 5 entries");
        assertTrue(five <= 6, "a feed page takes at most 6 statements, took " + five);

        // Unchanged since: the body comes from the cache, and the version from memory (FeedVersions; read again,
        // one statement, only if the notification of the last publication arrived after the reads above).
        assertTrue(statements(path + "&size=5") <= 1, "an unchanged feed reads at most its version");
        desk.act(desk.carol, corrected, "retract", Map.of("reason", "Withdrawn")).statusCode(200);
        assertTrue(statements(path + "&size=5") > 1, "a change renders the page again");
        assertTrue(given().get(path + "&size=5").then().extract().asString().contains("Retracted: "));
    }

    private long statements(String path) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    private static Map<String, Object> claim(String topic, String text) {
        return Map.of("text", text + " " + Desk.unique("c"), "language", "en", "priority", "NORMAL",
                "claimant", "A politician", "topics", List.of(topic));
    }

    private void correctWithNewRating(long ticket, String rating) {
        desk.act(desk.carol, ticket, "correct").statusCode(200);
        long draftVersion = desk.as(desk.alice).get("/api/tickets/{id}/verdict", ticket).then().statusCode(200)
                .extract().jsonPath().getLong("draft.version");
        long evidence = desk.as(desk.alice).get("/api/tickets/{id}/evidence", ticket).then().extract().jsonPath()
                .getLong("items[0].id");
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId(rating), "headline", "Corrected verdict",
                        "summary", "Summary.", "explanation", "Corrected.", "correctionNote", "The rating was wrong.",
                        "evidenceIds", List.of(evidence), "version", draftVersion))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish").statusCode(200);
    }
}
