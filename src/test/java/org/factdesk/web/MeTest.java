package org.factdesk.web;

import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.factdesk.ticket.TicketAction;
import org.factdesk.workflow.TicketResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The desk-level permissions the web app builds its screens from, per role. */
@QuarkusTest
class MeTest {

    private final Desk desk = new Desk();

    @Test
    void eachRoleGetsWhatTheEndpointsAndTheTableAllow() {
        assertEquals(flags("claimNext", true, "createClaims", true, "postArticles", true, "acceptCandidates", false,
                "triage", false, "review", false, "publish", false, "administer", false, "markDuplicates", false, "importPriorReviews", false,
                "handleTips", false, "deskFigures", false), permissions(desk.alice));
        assertEquals(flags("claimNext", false, "createClaims", false, "postArticles", false, "acceptCandidates", false,
                "triage", false, "review", true, "publish", false, "administer", false, "markDuplicates", false, "importPriorReviews", false,
                "handleTips", false, "deskFigures", false), permissions(desk.bob));
        assertEquals(flags("claimNext", false, "createClaims", true, "postArticles", true, "acceptCandidates", true,
                "triage", true, "review", false, "publish", true, "administer", false, "markDuplicates", true, "importPriorReviews", true,
                "handleTips", true, "deskFigures", true), permissions(desk.carol));
        assertEquals(flags("claimNext", false, "createClaims", false, "postArticles", false, "acceptCandidates", false,
                "triage", false, "review", false, "publish", false, "administer", true, "markDuplicates", false, "importPriorReviews", true,
                "handleTips", false, "deskFigures", true), permissions(desk.dave));
        desk.as(desk.rita).get("/api/me").then().statusCode(200);
        given().get("/api/me").then().statusCode(401);
    }

    @Test
    void theNewPermissionsFollowTheirEndpointsRoles() {
        assertEquals(java.util.Set.of("editor"), MeResource.rolesOf(org.factdesk.workflow.ClaimResource.class, "markDuplicate"));
        assertEquals(MeResource.rolesOf(org.factdesk.priorreview.PriorReviewResource.class, "importUpload"),
                MeResource.rolesOf(org.factdesk.priorreview.PriorReviewResource.class, "importUrl"));
    }

    @Test
    void theClaimNextEndpointDeclaresTheRolesOfTheClaimActionSoThatTheApiDocumentSaysTheTruth() {
        assertEquals(TicketAction.CLAIM.roles, MeResource.rolesOf(TicketResource.class, "claimNext"));
    }

    /** Pairs of name and value (more than Map.of takes). */
    private static Map<String, Object> flags(Object... namesAndValues) {
        Map<String, Object> flags = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            flags.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return flags;
    }

    private Map<String, Object> permissions(String who) {
        return desk.as(who).get("/api/me").then().statusCode(200).extract().jsonPath().getMap("permissions");
    }
}
