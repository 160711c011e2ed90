package org.factdesk.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every checkpoint is public, so an outsider who missed one can still link the chain. */
@QuarkusTest
class PublicCheckpointTest {

    final Desk desk = new Desk();

    /** At least two checkpoints, each over new events. */
    @BeforeEach
    void twoCheckpoints() {
        for (int i = 0; i < 2; i++) {
            desk.newTicket("LOW");
            desk.as(desk.dave).post("/api/audit/checkpoints").then().statusCode(201);
        }
    }

    @Test
    void everyCheckpointIsListedNewestFirstWithoutAToken() {
        int latest = given().get("/audit/checkpoints/latest").then().statusCode(200)
                .header("Cache-Control", containsString("max-age=30"))
                .extract().path("seq");
        JsonPath list = given().get("/audit/checkpoints?page=0&size=50").then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", containsString("max-age=30"))
                .body("total", equalTo(latest))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("items[0].seq", equalTo(latest))
                .body("items[1].seq", equalTo(latest - 1))
                .extract().jsonPath();
        assertEquals(Math.min(latest, 50), list.getList("items").size());
        // The defaults are the project's (page 0, size 20).
        given().get("/audit/checkpoints").then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
    }

    @Test
    void pagesWalkBackThroughTheChain() {
        int latest = given().get("/audit/checkpoints/latest").then().extract().path("seq");
        given().get("/audit/checkpoints?page=1&size=1").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].seq", equalTo(latest - 1))
                .body("total", equalTo(latest))
                .body("page", equalTo(1))
                .body("size", equalTo(1));
        given().get("/audit/checkpoints?page=" + latest + "&size=1").then().statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(latest));
    }

    @Test
    void twoPublicCheckpointsLink() {
        int latest = given().get("/audit/checkpoints/latest").then().extract().path("seq");
        JsonPath newer = one(latest).extract().jsonPath();
        JsonPath older = one(latest - 1).extract().jsonPath();
        assertEquals(latest, newer.getInt("seq"));
        assertEquals(older.getString("hash"), newer.getString("prevHash"));
        assertEquals(older.getLong("belowTxid"), newer.getLong("fromTxid"));
        assertEquals(older.getLong("totalEvents") + newer.getLong("eventCount"), newer.getLong("totalEvents"));
        assertTrue(newer.getString("hash").matches("[0-9a-f]{64}"));
        // The first checkpoint starts the chain.
        assertEquals(AuditHash.GENESIS, one(1).extract().path("prevHash"));
        // The listed one and the single one are the same.
        given().get("/audit/checkpoints?size=1").then().body("items[0].hash", equalTo(newer.getString("hash")));
    }

    @Test
    void aCheckpointOnceWrittenCanBeCachedLong() {
        one(1).header("Cache-Control", containsString("max-age=31536000"))
                .header("Cache-Control", containsString("immutable"));
    }

    @Test
    void unknownCheckpointsAreNotFound() {
        int latest = given().get("/audit/checkpoints/latest").then().extract().path("seq");
        problem(given().get("/audit/checkpoints/" + (latest + 1000)).then(), 404)
                .body("detail", containsString(String.valueOf(latest + 1000)))
                .header("Cache-Control", not(containsString("immutable")));
        problem(given().get("/audit/checkpoints/0").then(), 400); // sequence numbers start at 1
        problem(given().get("/audit/checkpoints/not-a-number").then(), 404);
    }

    @Test
    void badPagesAreBadRequests() {
        problem(given().get("/audit/checkpoints?page=-1").then(), 400);
        problem(given().get("/audit/checkpoints?size=0").then(), 400);
        problem(given().get("/audit/checkpoints?size=201").then(), 400);
    }

    ValidatableResponse one(int seq) {
        return given().get("/audit/checkpoints/{seq}", seq).then().statusCode(200).contentType("application/json")
                .body("seq", equalTo(seq));
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body(not(containsString("Exception")));
    }
}
