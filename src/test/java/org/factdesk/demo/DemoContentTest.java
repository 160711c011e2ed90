package org.factdesk.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.factdesk.claim.Claim;
import org.factdesk.support.Desk;
import org.factdesk.tip.TipGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo desk of the local run, loaded into an empty database. */
@QuarkusTest
@TestProfile(DemoContentTest.WithDemo.class)
class DemoContentTest {

    public static class WithDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // As the local run loads it: sources captured on entry (here their names do not resolve).
            return Map.of("factdesk.demo.enabled", "true", "factdesk.captures.on-entry", "true");
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
        // The published verdict's source was tried before it went to review: preserved, or failed for good.
        long published = desk.as(desk.carol).get("/api/tickets?status=PUBLISHED").then().extract().jsonPath()
                .getLong("items[0].id");
        desk.as(desk.carol).get("/api/tickets/{id}/captures", published).then().statusCode(200)
                .body("items[0].state", org.hamcrest.Matchers.oneOf("DONE", "FAILED"));
    }

    @Test
    void theSameRumourInOtherWordsIsOneGroupOfTipsWithTheMatchingClaimSuggested() {
        record Group(int tips, String suggestedClaim) {
        }
        List<Group> groups = QuarkusTransaction.requiringNew().call(() -> TipGroup.<TipGroup>list("order by tipCount desc, id")
                .stream().map(g -> new Group(g.tipCount, g.suggestedClaimId == null ? null
                        : Claim.<Claim>findById(g.suggestedClaimId).text)).toList());
        assertEquals(List.of(3, 1, 1), groups.stream().map(Group::tips).toList(), groups.toString());
        assertEquals("Russia evacuated civilians from Deir ez-Zor.", groups.get(0).suggestedClaim());
    }
}
