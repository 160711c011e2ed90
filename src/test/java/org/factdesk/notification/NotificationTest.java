package org.factdesk.notification;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.factdesk.people.DeskDirectory;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of notification goes to the person whose work it concerns, never to whoever acted; each person
 * reads and marks only their own; the unread count follows.
 */
@QuarkusTest
class NotificationTest {

    final Desk desk = new Desk();

    /** A directory that knows the desk's people by user name, as Keycloak would list them. */
    private void directoryKnowsTheDesk() {
        Map<String, String> names = Map.of(desk.alice, "Alice Archer", desk.bob, "Bob Baker", desk.carol, "Carol Cruz",
                desk.erin, "Erin Eve");
        Map<String, String> subjects = Map.of("alice", desk.alice, "bob", desk.bob, "carol", desk.carol,
                "erin", desk.erin);
        QuarkusMock.installMockForType(new DeskDirectory() {
            @Override
            public Names names() {
                return new Names(names);
            }

            @Override
            public Map<String, String> subjectsByUsername() {
                return subjects;
            }
        }, DeskDirectory.class);
    }

    private JsonPath notifications(String who) {
        return desk.as(who).get("/api/notifications?size=200").then().statusCode(200).extract().jsonPath();
    }

    private List<String> kinds(String who, long ticket) {
        return notifications(who).getList("items.findAll { it.ticketId == " + ticket + " }.kind");
    }

    private int unread(String who) {
        return desk.as(who).get("/api/notifications/unread-count").then().statusCode(200).extract().jsonPath()
                .getInt("count");
    }

    @Test
    void eachKindGoesToTheRightPersonAndNeverToTheActor() {
        directoryKnowsTheDesk();
        long ticket = desk.readyForReview(); // alice claimed it herself: no notification
        assertEquals(List.of(), kinds(desk.alice, ticket));

        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "request-changes", Map.of("comment", "Cite the 2024 figures too, @carol.")).statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish").statusCode(200);

        // newest first
        assertEquals(List.of("PUBLISHED", "APPROVED", "CHANGES_REQUESTED"), kinds(desk.alice, ticket));
        assertEquals(List.of("MENTIONED"), kinds(desk.carol, ticket)); // she published it: not told of her own act
        assertEquals(List.of(), kinds(desk.bob, ticket));

        // a correction started with another fact-checker named gives them the ticket: they are told
        desk.act(desk.carol, ticket, "correct", Map.of("assignee", desk.erin)).statusCode(200);
        assertEquals(List.of("ASSIGNED"), kinds(desk.erin, ticket));
        assertEquals(List.of("PUBLISHED", "APPROVED", "CHANGES_REQUESTED"), kinds(desk.alice, ticket));

        JsonPath alice = notifications(desk.alice);
        String approved = "items.find { it.ticketId == " + ticket + " && it.kind == 'APPROVED' }";
        assertEquals(desk.bob, alice.getString(approved + ".actor"));
        assertEquals("Bob Baker", alice.getString(approved + ".actorName"));
        assertEquals("Bob Baker approved your check of ticket " + ticket, alice.getString(approved + ".sentence"));
        assertTrue(alice.getString(approved + ".claimExcerpt").startsWith("Claim "));
        String changes = "items.find { it.ticketId == " + ticket + " && it.kind == 'CHANGES_REQUESTED' }";
        assertTrue(alice.getLong(changes + ".commentId") > 0, "the request's comment");

        // assigned by an editor: the assignee is told; an editor assigning to themself is not
        long other = desk.newTicket("NORMAL");
        desk.act(desk.carol, other, "assign", Map.of("assignee", desk.erin)).statusCode(200);
        assertEquals(List.of("ASSIGNED"), kinds(desk.erin, other));
        assertEquals("Carol Cruz assigned you ticket " + other,
                notifications(desk.erin).getString("items.find { it.ticketId == " + other + " }.sentence"));
    }

    @Test
    void mentionsNotifyEachNamedPersonOncePerCommentButNeverTheAuthor() {
        directoryKnowsTheDesk();
        long ticket = desk.newTicket("NORMAL");
        desk.as(desk.bob).body(Map.of("body", "@alice and @Erin, see this. @alice again; @bob is me; "
                        + "mail bob@example.org; @nobody is not on the desk."))
                .post("/api/tickets/{id}/comments", ticket).then().statusCode(201);

        assertEquals(List.of("MENTIONED"), kinds(desk.alice, ticket));
        assertEquals(List.of("MENTIONED"), kinds(desk.erin, ticket));
        assertEquals(List.of(), kinds(desk.bob, ticket));
        assertEquals(List.of(), kinds(desk.carol, ticket));
        assertEquals("Bob Baker mentioned you in a comment on ticket " + ticket,
                notifications(desk.alice).getString("items.find { it.ticketId == " + ticket + " }.sentence"));

        desk.as(desk.carol).body(Map.of("body", "@alice: a second comment is a second mention."))
                .post("/api/tickets/{id}/comments", ticket).then().statusCode(201);
        assertEquals(List.of("MENTIONED", "MENTIONED"), kinds(desk.alice, ticket));
    }

    @Test
    void onePersonCannotReadOrMarkAnothersAndReadAllClearsTheCount() {
        directoryKnowsTheDesk();
        assertEquals(0, unread(desk.alice));
        long first = desk.newTicket("NORMAL");
        long second = desk.newTicket("NORMAL");
        desk.as(desk.bob).body(Map.of("body", "@alice look")).post("/api/tickets/{id}/comments", first).then()
                .statusCode(201);
        desk.as(desk.bob).body(Map.of("body", "@alice and here")).post("/api/tickets/{id}/comments", second).then()
                .statusCode(201);
        assertEquals(2, unread(desk.alice));
        assertEquals(0, unread(desk.erin));

        long id = notifications(desk.alice).getLong("items[0].id");
        // erin sees none of alice's, and cannot mark one: 404 as if it did not exist
        assertEquals(List.of(), notifications(desk.erin).getList("items"));
        desk.as(desk.erin).post("/api/notifications/{id}/read", id).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        assertEquals(2, unread(desk.alice));

        desk.as(desk.alice).post("/api/notifications/{id}/read", id).then().statusCode(200)
                .body("id", equalTo((int) id)).body("readAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(1, unread(desk.alice));
        assertEquals(1, desk.as(desk.alice).get("/api/notifications?unread=true").then().statusCode(200)
                .extract().jsonPath().getList("items").size());
        assertEquals(2, notifications(desk.alice).getList("items").size());

        desk.as(desk.erin).post("/api/notifications/read-all").then().statusCode(200).body("count", equalTo(0));
        assertEquals(1, unread(desk.alice)); // erin's read-all left alice's alone
        desk.as(desk.alice).post("/api/notifications/read-all").then().statusCode(200).body("count", equalTo(0));
        assertEquals(0, unread(desk.alice));
        assertEquals(List.of(), desk.as(desk.alice).get("/api/notifications?unread=true").then().statusCode(200)
                .extract().jsonPath().getList("items"));
    }

    @Test
    void badInputIsAProblemAndStrangersGetNone() {
        desk.as(desk.alice).post("/api/notifications/{id}/read", 0).then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        desk.as(desk.alice).get("/api/notifications?size=201").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        desk.as(desk.alice).get("/api/notifications?after=nonsense").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        io.restassured.RestAssured.given().get("/api/notifications").then().statusCode(401);
    }
}
