package org.factdesk.live;

import org.factdesk.support.TestConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The LISTEN connection notices when it silently stops working (a half-open TCP connection,
 * simulated by a proxy that stops passing bytes), reconnects and tells the screens to resync; its
 * state is reported in its own health group, never in readiness.
 */
@QuarkusTest
class ChangeFeedHealthTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @TestHTTPResource(value = "health", management = true)
    URI health;

    @Test
    void aHalfOpenListenConnectionIsNoticedAndReplaced() throws Exception {
        URI database = URI.create(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class).substring(5));
        try (FreezableProxy proxy = new FreezableProxy(database.getHost(), database.getPort())) {
            ChangeFeed feed = feed("jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getPath());
            BlockingQueue<ChangeFeed.Item> heard = new LinkedBlockingQueue<>();
            feed.items().subscribe().with(heard::add);
            feed.start(null);
            try {
                await("the feed listens", () -> feed.state().listening());
                notifyChange(900_001_001L);
                assertEquals(900_001_001L, next(heard).change().ticketId());

                proxy.freezeOpenConnections();
                notifyChange(900_001_002L); // lost on the frozen connection
                ChangeFeed.Item resync = next(heard);
                assertNull(resync.change(), "after reconnecting the feed asks the screens to resync");
                assertTrue(proxy.connectionsMade() >= 2);
                assertNotNull(feed.state().lastError());

                notifyChange(900_001_003L);
                assertEquals(900_001_003L, next(heard).change().ticketId());
                assertTrue(feed.state().listening());
            } finally {
                feed.stop(null);
            }
        }
    }

    @Test
    void aFeedThatCannotConnectIsReportedDown() throws Exception {
        ChangeFeed feed = feed("jdbc:postgresql://127.0.0.1:1/nowhere");
        feed.start(null);
        try {
            await("a connection error is recorded", () -> feed.state().lastError() != null);
            assertFalse(feed.state().listening());
            // Health reports it (lastError): the kind of failure, not the driver's message with the address.
            assertEquals("PSQLException, SQLState 08001", feed.state().lastError());
        } finally {
            feed.stop(null);
        }
    }

    @Test
    void liveUpdatesHaveTheirOwnHealthGroupOutsideReadiness() {
        given().get(health + "/group/live-updates").then().statusCode(200)
                .body("checks.find { it.name == 'live-updates' }.status", equalTo("UP"));
        given().get(health + "/well").then().statusCode(200)
                .body("checks.find { it.name == 'live-updates' }.status", equalTo("UP"));
        given().get(health + "/ready").then().statusCode(200)
                .body("checks.find { it.name == 'live-updates' }", equalTo(null));
    }

    private ChangeFeed feed(String url) {
        ChangeFeed feed = new ChangeFeed();
        feed.url = url;
        feed.user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class);
        feed.password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class);
        feed.config = TestConfig.factdesk("factdesk.live.check-every", "200ms");
        feed.json = json;
        return feed;
    }

    private void notifyChange(long ticketId) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_notify('factdesk_tickets', '[{\"ticketId\": " + ticketId + ", \"action\": \"ticket.claim\", "
                    + "\"status\": \"IN_PROGRESS\", \"actor\": \"someone\", \"occurredAt\": \"2026-01-01T00:00:00Z\"}]')");
        }
    }

    /** The next item, skipping changes other tests announce meanwhile. */
    private static ChangeFeed.Item next(BlockingQueue<ChangeFeed.Item> heard) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            ChangeFeed.Item item = heard.poll(100, TimeUnit.MILLISECONDS);
            if (item != null && (item.change() == null || item.change().ticketId() > 900_000_000L)) {
                return item;
            }
        }
        return fail("nothing heard in time");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not within 15 s");
            }
            Thread.sleep(20);
        }
    }
}
