package org.factdesk.workflow;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scheduled publication that fails is retried with backoff, skipped until its next attempt so
 * that the ones due after it still go out, and shown to editors after three failures.
 */
@QuarkusTest
class ScheduledPublicationFailureTest {

    @Inject
    ScheduledPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();

    @Test
    void aFailingPublicationIsRetriedWithBackoffBlocksNoOtherAndIsShownAfterThreeFailures() throws Exception {
        long failing = scheduled();
        long next = scheduled();
        sql("UPDATE ticket SET publish_at = now() - interval '2 seconds' WHERE id = " + failing); // first in line
        sql("UPDATE ticket SET publish_at = now() - interval '1 second' WHERE id = " + next);
        sql("CREATE FUNCTION refuse_publication_" + failing + "() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN RAISE EXCEPTION 'The page store refused ticket %', OLD.id; END $$");
        sql("CREATE TRIGGER refuse_publication_" + failing + " BEFORE UPDATE ON ticket FOR EACH ROW"
                + " WHEN (OLD.id = " + failing + " AND NEW.status = 'PUBLISHED')"
                + " EXECUTE FUNCTION refuse_publication_" + failing + "()");
        try {
            drain();
            desk.as(desk.carol).get("/api/tickets/{id}", next).then().body("status", equalTo("PUBLISHED"));
            Instant nextAttempt = Instant.parse(desk.as(desk.carol).get("/api/tickets/{id}", failing).then()
                    .body("status", equalTo("APPROVED"))
                    .body("publicationFailures", equalTo(1))
                    .body("lastPublicationError", containsString("The page store refused ticket " + failing))
                    .extract().jsonPath().getString("nextPublicationAttemptAt"));
            assertTrue(nextAttempt.isAfter(Instant.now().plus(Duration.ofSeconds(30))), "backoff: " + nextAttempt);
            drain(); // not yet due again: skipped
            desk.as(desk.carol).get("/api/tickets/{id}", failing).then().body("publicationFailures", equalTo(1));
            desk.as(desk.carol).get("/api/tickets?publicationFailed=true&size=200").then()
                    .body("items.id", not(hasItem((int) failing)));

            for (int attempt = 2; attempt <= 3; attempt++) {
                sql("UPDATE scheduled_publication_attempt SET next_attempt_at = now() WHERE ticket_id = " + failing);
                drain();
            }
            Instant third = Instant.parse(desk.as(desk.carol).get("/api/tickets/{id}", failing).then()
                    .body("publicationFailures", equalTo(3))
                    .extract().jsonPath().getString("nextPublicationAttemptAt"));
            assertTrue(third.isAfter(Instant.now().plus(Duration.ofMinutes(3))), "longer backoff: " + third);
            desk.as(desk.carol).get("/api/tickets?publicationFailed=true&size=200").then().statusCode(200)
                    .body("items.find { it.id == " + failing + " }.lastPublicationError", containsString("page store refused"));
        } finally {
            sql("DROP TRIGGER refuse_publication_" + failing + " ON ticket");
            sql("DROP FUNCTION refuse_publication_" + failing + "()");
        }
        sql("UPDATE scheduled_publication_attempt SET next_attempt_at = now() WHERE ticket_id = " + failing);
        drain();
        desk.as(desk.carol).get("/api/tickets/{id}", failing).then().body("status", equalTo("PUBLISHED"))
                .body("publicationFailures", equalTo(0)).body("lastPublicationError", nullValue());
    }

    @Test
    void failuresOfAnEarlierScheduleDoNotCountForANewOne() throws Exception {
        long ticket = scheduled();
        sql("INSERT INTO scheduled_publication_attempt VALUES (" + ticket + ", now() - interval '1 day', 5,"
                + " now() + interval '1 hour', 'old failure', now())");
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().body("publicationFailures", equalTo(0));
        sql("UPDATE ticket SET publish_at = now() - interval '1 second' WHERE id = " + ticket);
        drain(); // the old row's next attempt does not hold up the new schedule
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().body("status", equalTo("PUBLISHED"));
    }

    private long scheduled() {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish", Map.of("publishAt", OffsetDateTime.now().plusHours(1).toString()))
                .statusCode(200);
        return ticket;
    }

    private void drain() {
        while (publisher.publishNextDue()) {
            // every due ticket, other tests' included
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
