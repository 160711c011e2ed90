package org.factdesk.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The demo desk of the local run, loaded into an empty database. */
@QuarkusTest
@TestProfile(DemoContentTest.WithDemo.class)
class DemoContentTest {

    public static class WithDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("factdesk.demo.enabled", "true");
        }
    }

    final Desk desk = new Desk();

    @Test
    void aFreshDeskShowsTheSampleArticleAndClaimsInSeveralStates() {
        long article = desk.as(desk.carol).get("/api/articles").then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath().getLong("items[0].id");
        desk.as(desk.carol).get("/api/articles/{id}", article).then().statusCode(200)
                .body("text", containsString("Al-Waleed airbase"));
        desk.as(desk.carol).get("/api/claims?sort=created&size=50").then().statusCode(200)
                .body("total", equalTo(6))
                .body("items.ticketStatus", containsInAnyOrder("PUBLISHED", "IN_REVIEW", "IN_PROGRESS", "OPEN", "OPEN", "OPEN"));
        desk.as(desk.carol).get("/api/tickets?status=IN_PROGRESS").then()
                .body("items[0].assignee", equalTo(DemoContent.ALICE.subject()));
        desk.as(desk.dave).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
