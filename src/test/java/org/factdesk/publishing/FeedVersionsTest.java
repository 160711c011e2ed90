package org.factdesk.publishing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The feeds' version kept in memory (FeedVersions): what another replica commits reaches this one as a
 * notification, and until one arrives an unchanged feed is answered without reading the database. The
 * statements below run on their own connection, as another replica's transactions would.
 */
@QuarkusTest
class FeedVersionsTest {

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();

    @Test
    void theVersionIsReadAgainOnlyWhenANotificationSaysSo() throws Exception {
        String etag = settledEtag();
        // The row moved without its notification (the database never does this: V29's function always notifies).
        sql("UPDATE feed_version SET changes = changes + 1");
        assertEquals(etag, etag(), "served from memory until a notification");
        sql("SELECT pg_notify('feed_version', '')");
        awaitEtagOtherThan(etag);
    }

    @Test
    void aPublicationCommittedByAnotherReplicaShowsHere() throws Exception {
        long ticket = desk.publish(Map.of("text", "Bridges " + Desk.unique("b"), "language", "en", "priority", "NORMAL"),
                "False", "No bridge fell");
        String etag = settledEtag();
        sql("UPDATE ticket SET public_updated_at = public_updated_at + interval '1 second' WHERE id = " + ticket);
        awaitEtagOtherThan(etag);
    }

    private static String etag() {
        return given().get("/feeds/feed.json").then().statusCode(200).extract().header("ETag");
    }

    /** The ETag once notifications of earlier tests' changes have all arrived. */
    private static String settledEtag() throws InterruptedException {
        String etag = etag();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            String again = etag();
            if (again.equals(etag)) {
                return etag;
            }
            etag = again;
        }
        return fail("the feed's ETag kept moving");
    }

    private static void awaitEtagOtherThan(String etag) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!etag().equals(etag)) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the feed's ETag did not move within 5 s of the notification");
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(statement)) {
            s.execute();
        }
    }
}
