package org.factdesk.rating;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Concurrent changes to rating scales: the loser gets a 409 problem without Java names, never a 500.
 * A test transaction holds the contended row or name so that the requests really do collide.
 */
@QuarkusTest
class RatingScaleConflictTest {

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();

    @Test
    void twoActivationsAtOnceOneWinsTheOtherIs409() throws Exception {
        long active = desk.as(desk.alice).get("/api/rating-scales?size=200").then().extract().jsonPath().getLong("items.find { it.active }.id");
        long first = newScale();
        long second = newScale();
        try {
            CompletableFuture<Response> one;
            CompletableFuture<Response> two;
            try (Connection hold = dataSource.getConnection(); Statement s = hold.createStatement()) {
                hold.setAutoCommit(false);
                s.execute("SELECT id FROM rating_scale WHERE id = " + active + " FOR UPDATE");
                one = CompletableFuture.supplyAsync(() -> activate(first));
                two = CompletableFuture.supplyAsync(() -> activate(second));
                awaitWaiting(2, "update rating_scale");
                hold.commit();
            }
            List<Response> answers = List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));
            assertEquals(List.of(200, 409), answers.stream().map(Response::statusCode).sorted().toList());
            Response loser = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertEquals("application/problem+json", loser.contentType());
            assertNoJavaNames(loser.asString());
            desk.as(desk.alice).get("/api/rating-scales?size=200").then().body("items.findAll { it.active }.size()", org.hamcrest.Matchers.equalTo(1));
        } finally {
            activate(active).then().statusCode(200);
        }
        desk.as(desk.alice).get("/api/rating-scales?size=200").then().body("items.findAll { it.active }.id", contains((int) active));
    }

    @Test
    void theSameNewNameTwiceAtOnceIs409() throws Exception {
        String name = Desk.unique("Twice");
        CompletableFuture<Response> create;
        try (Connection hold = dataSource.getConnection(); Statement s = hold.createStatement()) {
            hold.setAutoCommit(false);
            s.execute("INSERT INTO rating_scale (name, active, created_at) VALUES ('" + name + "', false, now())");
            create = CompletableFuture.supplyAsync(() -> desk.as(desk.dave).body(scale(name)).post("/api/rating-scales"));
            awaitWaiting(1, "insert into rating_scale");
            hold.commit();
        }
        Response answer = create.get(30, TimeUnit.SECONDS);
        assertEquals(409, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertNoJavaNames(answer.asString());
    }

    private long newScale() {
        return desk.as(desk.dave).body(scale(Desk.unique("Scale"))).post("/api/rating-scales").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> scale(String name) {
        return Map.of("name", name, "ratings", List.of(Map.of("label", "Right", "definition", "Right.", "value", 1)));
    }

    private Response activate(long scale) {
        return desk.as(desk.dave).post("/api/rating-scales/{id}/activate", scale);
    }

    /** Polls until this many statements starting so wait for a lock. */
    private void awaitWaiting(int count, String statement) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND lower(query) LIKE '" + statement + "%'")) {
                    r.next();
                    if (r.getInt(1) >= count) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    fail(count + " waiting '" + statement + "' statements expected");
                }
                Thread.sleep(20);
            }
        }
    }

    private static void assertNoJavaNames(String body) {
        Stream.of("Exception", "org.", "java.", "hibernate", "jakarta", "SQL").forEach(word ->
                assertFalse(body.contains(word), "'" + word + "' in " + body));
    }
}
