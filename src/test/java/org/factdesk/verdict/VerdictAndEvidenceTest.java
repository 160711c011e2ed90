package org.factdesk.verdict;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.factdesk.workflow.ScheduledPublisher;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class VerdictAndEvidenceTest {

    @Inject
    ScheduledPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();

    @Test
    void evidenceEditsNeedTheCurrentVersionAndRemovalUncitesIt() {
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        Map<String, Object> edit = new java.util.HashMap<>(Map.of("url", "https://stats.example.org/report-v2", "title", "Official statistics, revised",
                "sourceKind", "DATASET", "stance", "REFUTES", "accessedOn", LocalDate.now().toString(), "version", 0));
        desk.as(desk.alice).body(edit).put("/api/tickets/{t}/evidence/{e}", ticket, evidence).then().statusCode(200)
                .body("version", equalTo(1)).body("sourceKind", equalTo("DATASET"));
        desk.as(desk.alice).body(edit).put("/api/tickets/{t}/evidence/{e}", ticket, evidence).then().statusCode(409);
        edit.put("accessedOn", LocalDate.now().plusDays(3).toString());
        edit.put("version", 1);
        desk.as(desk.alice).body(edit).put("/api/tickets/{t}/evidence/{e}", ticket, evidence).then().statusCode(400);

        desk.as(desk.alice).body(Map.of("headline", "h", "evidenceIds", List.of(evidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200).body("evidenceIds", contains((int) evidence));
        desk.as(desk.alice).delete("/api/tickets/{t}/evidence/{e}?version=1", ticket, evidence).then().statusCode(204);
        desk.as(desk.alice).get("/api/tickets/{id}/verdict", ticket).then().body("draft.evidenceIds", empty());
        desk.as(desk.alice).get("/api/tickets/{id}/history", ticket).then()
                .body("items.reverse().action", contains("ticket.opened", "ticket.claim", "evidence.added", "evidence.updated",
                        "verdict.drafted", "evidence.removed"));
    }

    @Test
    void evidenceOnlyChangesWhileInProgress() {
        long ticket = desk.newTicket("NORMAL");
        desk.addEvidenceExpecting(desk.carol, ticket, 409); // still OPEN
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        desk.addEvidence(desk.alice, ticket);
        desk.act(desk.alice, ticket, "release").statusCode(200);
        desk.addEvidenceExpecting(desk.alice, ticket, 403); // no longer hers
    }

    @Test
    void draftsAreVersionedAndCiteOnlyTheTicketsOwnEvidenceAndActiveRatings() {
        long other = desk.newTicket("NORMAL");
        desk.act(desk.erin, other, "claim").statusCode(200);
        long foreignEvidence = desk.addEvidence(desk.erin, other);
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.alice, ticket, "claim").statusCode(200);

        desk.as(desk.alice).body(Map.of("headline", "h", "evidenceIds", List.of(foreignEvidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(400);
        desk.as(desk.alice).body(Map.of("headline", "first")).put("/api/tickets/{id}/verdict", ticket).then()
                .statusCode(200).body("version", equalTo(0)).body("state", equalTo("DRAFT"));
        desk.as(desk.alice).body(Map.of("headline", "no version")).put("/api/tickets/{id}/verdict", ticket).then().statusCode(400);
        desk.as(desk.alice).body(Map.of("headline", "second", "version", 0)).put("/api/tickets/{id}/verdict", ticket).then()
                .statusCode(200).body("version", equalTo(1));
        desk.as(desk.alice).body(Map.of("headline", "stale", "version", 0)).put("/api/tickets/{id}/verdict", ticket).then()
                .statusCode(409);
        desk.as(desk.alice).body(Map.of("headline", "note", "correctionNote", "n", "version", 1))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(400); // never published: no correction
    }

    @Test
    void aScheduledPublicationIsPublishedBySystemWhenItsTimeComes() throws Exception {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish", Map.of("publishAt", OffsetDateTime.now().plusHours(1).toString()))
                .statusCode(200).body("status", equalTo("APPROVED"));
        // Let the hour pass.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE ticket SET publish_at = now() - interval '1 second' WHERE id = " + ticket);
        }
        while (publisher.publishNextDue()) {
            // other tests' due tickets, if any, go too
        }
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().body("status", equalTo("PUBLISHED"))
                .body("publishAt", equalTo(null));
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then()
                .body("items.find { it.action == 'ticket.publish' }.actor", equalTo("system"));
        desk.as(desk.carol).get("/api/tickets/{id}/verdict", ticket).then().body("published", hasSize(1))
                .body("published[0].publishedBy", equalTo("system"));
        assertTrue(!publisher.publishNextDue());
    }

    @Test
    void adminsAddAndActivateRatingScales() {
        String name = Desk.unique("PolitiFact-style");
        long scale = desk.as(desk.dave).body(Map.of("name", name, "ratings", List.of(
                        Map.of("label", "True", "definition", "Accurate.", "value", 6),
                        Map.of("label", "Pants on Fire", "definition", "Ridiculous.", "value", 1),
                        Map.of("label", "Unproven", "definition", "Cannot tell."))))
                .post("/api/rating-scales").then().statusCode(201)
                .body("bestRating", equalTo(6)).body("worstRating", equalTo(1))
                .body("ratings.label", contains("True", "Pants on Fire", "Unproven"))
                .extract().jsonPath().getLong("id");
        long defaultScale = desk.as(desk.alice).get("/api/rating-scales?size=200").then().extract().jsonPath().getLong("items.find { it.active }.id");
        desk.as(desk.dave).post("/api/rating-scales/{id}/activate", scale).then().statusCode(200).body("active", equalTo(true));
        try {
            desk.as(desk.alice).get("/api/rating-scales?size=200").then().body("items.findAll { it.active }.id", contains((int) scale));
            long ticket = desk.newTicket("LOW");
            desk.act(desk.alice, ticket, "claim").statusCode(200);
            long oldRating = desk.as(desk.alice).get("/api/rating-scales/{id}", defaultScale).then().extract().jsonPath().getLong("ratings[0].id");
            desk.as(desk.alice).body(Map.of("ratingId", oldRating)).put("/api/tickets/{id}/verdict", ticket).then().statusCode(400);
        } finally {
            desk.as(desk.dave).post("/api/rating-scales/{id}/activate", defaultScale).then().statusCode(200);
        }
        desk.as(desk.dave).body(Map.of("name", name, "ratings", List.of(Map.of("label", "a", "definition", "d"))))
                .post("/api/rating-scales").then().statusCode(409);
    }

    @Test
    void defaultScaleIsSeeded() {
        desk.as(desk.alice).get("/api/rating-scales?size=200").then().statusCode(200)
                .body("items.find { it.name == 'Factdesk five-point' }.ratings.label",
                        contains("True", "Mostly true", "Mixed", "Mostly false", "False", "Unproven", "Satire"))
                .body("items.find { it.name == 'Factdesk five-point' }.ratings.value", contains(5, 4, 3, 2, 1, null, null));
    }
}
