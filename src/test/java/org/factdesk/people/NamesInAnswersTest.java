package org.factdesk.people;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The API's answers carry people's names from the desk directory beside their subjects, so the web app
 * shows names without loading the people list; someone the directory does not know has a null name.
 */
@QuarkusTest
class NamesInAnswersTest {

    final Desk desk = new Desk();

    /** A directory that knows alice, bob and carol (not erin), as Keycloak would list them. */
    private void directoryKnowsTheDesk() {
        Map<String, String> names = Map.of(desk.alice, "Alice Archer", desk.bob, "Bob Baker", desk.carol, "Carol Cruz");
        QuarkusMock.installMockForType(new DeskDirectory() {
            @Override
            public Names names() {
                return new Names(names);
            }
        }, DeskDirectory.class);
    }

    @Test
    void ticketsHistoryCommentsEvidenceAndVerdictsNameTheirPeople() {
        directoryKnowsTheDesk();
        long ticket = desk.publish(Map.of("text", "A claim to name", "language", "en", "priority", "NORMAL"),
                "False", "Named");

        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().statusCode(200)
                .body("assignee", equalTo(desk.alice)).body("assigneeName", equalTo("Alice Archer"));
        desk.as(desk.carol).get("/api/tickets?size=200").then().statusCode(200)
                .body("items.find { it.id == " + ticket + " }.assigneeName", equalTo("Alice Archer"));

        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        desk.as(desk.alice).get("/api/claims/{id}", claim).then().statusCode(200)
                .body("createdBy", equalTo(desk.carol)).body("createdByName", equalTo("Carol Cruz"));

        desk.as(desk.carol).get("/api/tickets/{id}/history?size=100", ticket).then().statusCode(200)
                .body("items.find { it.action == 'ticket.claim' }.actorName", equalTo("Alice Archer"))
                .body("items.find { it.action == 'ticket.claim' }.label", equalTo("claimed the ticket"))
                .body("items.find { it.action == 'ticket.approve' }.actorName", equalTo("Bob Baker"))
                .body("items.find { it.action == 'ticket.publish' }.label", equalTo("published the verdict"));

        desk.as(desk.carol).get("/api/tickets/{id}/evidence", ticket).then().statusCode(200)
                .body("items.createdByName", hasItem("Alice Archer"));
        desk.as(desk.carol).get("/api/tickets/{id}/verdict", ticket).then().statusCode(200)
                .body("published[0].publishedBy", equalTo(desk.carol))
                .body("published[0].publishedByName", equalTo("Carol Cruz"));

        desk.as(desk.bob).body(Map.of("body", "Looks right")).post("/api/tickets/{id}/comments", ticket).then()
                .statusCode(201).body("authorName", equalTo("Bob Baker"));
        desk.as(desk.carol).get("/api/tickets/{id}/comments", ticket).then().statusCode(200)
                .body("items[0].author", equalTo(desk.bob)).body("items[0].authorName", equalTo("Bob Baker"));
    }

    @Test
    void someoneTheDirectoryDoesNotKnowHasNoNameAndTheAnswerStillComes() {
        directoryKnowsTheDesk();
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.erin, ticket, "claim").statusCode(200)
                .body("assignee", equalTo(desk.erin)).body("assigneeName", nullValue());
    }

    /** The real directory with Keycloak unreachable (the test profile): names are null, never a failure. */
    @Test
    void withKeycloakUnreachableTheAnswersComeWithoutNames() {
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.alice, ticket, "claim").statusCode(200)
                .body("assignee", equalTo(desk.alice)).body("assigneeName", nullValue());
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then().statusCode(200)
                .body("items[0].actorName", nullValue()).body("items[0].label", equalTo("claimed the ticket"));
    }
}
