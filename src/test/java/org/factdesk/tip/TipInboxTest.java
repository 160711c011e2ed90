package org.factdesk.tip;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk's tips inbox: tips that ask the same thing form one group, different ones stay apart; the list's
 * shape, pages and filter; only editors handle a group, once (a claim, an attachment or a dismissal, each
 * in its chain); later tips follow the claim; how many asked, and the priority that suggests; no contact
 * in any answer.
 */
@QuarkusTest
class TipInboxTest {

    static final String CONTACT = "requester-" + Desk.unique("x") + "@example.org";

    @Inject
    TipIntake intake;

    final Desk desk = new Desk();

    /** Words no other tip of the run has, so that a test's rumours group only with each other. */
    private static String[] words() {
        return Tips.words(5);
    }

    private String rumour(String[] w) {
        return "The " + w[0] + " " + w[1] + " " + w[2] + " " + w[3] + " " + w[4];
    }

    private TipIntake.Receipt tip(String text, String channel) {
        return intake.receive(new TipInput(channel, text, List.of("https://social.example/post/1"), "en", CONTACT, true));
    }

    private JsonPath group(String who, long id) {
        return desk.as(who).get("/api/tips/groups/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private List<Long> ids(String state) {
        return desk.as(desk.alice).get("/api/tips?state=" + state + "&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void nearIdenticalTipsShareAGroupAndDifferentOnesStayApart() {
        String[] w = words();
        TipIntake.Receipt first = tip(rumour(w), TipChannel.WEB);
        TipIntake.Receipt again = tip(rumour(w).toUpperCase() + "?!", TipChannel.EMAIL);
        TipIntake.Receipt reworded = tip("Is it true that " + rumour(w) + "?", "tipline-test");
        TipIntake.Receipt other = tip(rumour(words()), TipChannel.WEB);
        assertEquals(first.groupId(), again.groupId());
        assertEquals(first.groupId(), reworded.groupId());
        assertNotEquals(first.groupId(), other.groupId());

        JsonPath group = group(desk.alice, first.groupId());
        assertEquals(3, group.getInt("group.asked"));
        assertEquals(rumour(w), group.getString("group.text"));
        assertEquals("open", group.getString("group.state"));
        assertEquals(List.of("email", "tipline-test", "web"), group.getList("group.channels"));
        assertEquals(3, group.getInt("group.askedSince.count"));
        assertTrue(Instant.parse(group.getString("group.askedSince.from")).isBefore(Instant.now()));
        // Newest first, with what the desk may read and nothing else.
        assertEquals(List.of(reworded.tipId(), again.tipId(), first.tipId()), group.getList("tips.id", Long.class));
        assertEquals(List.of("https://social.example/post/1"), group.getList("tips[0].links"));
        assertEquals(Set.of("id", "text", "links", "channel", "language", "receivedAt", "autoAnswered"),
                group.getMap("tips[0]").keySet());
        assertEquals(1, group(desk.alice, other.groupId()).getInt("group.asked"));
    }

    /**
     * A rewording joins by meaning where its words alone would not; a question built on the same template about
     * something else does not; a tip in a language the model does not read gets no meaning and keeps to words.
     * Every tip and every new group keeps its meaning (V25). Texts written for this test only: none other is alike.
     */
    @Test
    void aRewordedTipJoinsByMeaningAndTheSameTemplateAskingSomethingElseDoesNot() {
        String first = "Road spending in the city doubled since 2020.";
        String reworded = "Is it true the city now spends twice as much on roads as in 2020?";
        TipIntake.Receipt asked = tip(first, TipChannel.WEB);
        TipIntake.Receipt again = tip(reworded, TipChannel.EMAIL);
        assertEquals(asked.groupId(), again.groupId());
        double words = ((Number) Tips.rows("SELECT similarity(?1, ?2), 0", first, reworded).get(0)[0]).doubleValue();
        assertTrue(words < 0.5, "the words alone are " + words + " alike: below the desk's group threshold");

        TipIntake.Receipt bridge = tip("Is it true that the new bridge over the river cost twice its budget?", TipChannel.WEB);
        TipIntake.Receipt vaccine = tip("Is it true that the new vaccine for children causes fertility problems?", TipChannel.WEB);
        assertNotEquals(bridge.groupId(), vaccine.groupId());
        assertNotEquals(asked.groupId(), bridge.groupId());

        TipIntake.Receipt spanish = tip("¿Es verdad que el ayuntamiento duplicó el gasto en carreteras desde 2020?", TipChannel.WEB);
        assertNotEquals(asked.groupId(), spanish.groupId());

        List<Object[]> stored = Tips.rows("SELECT t.id, t.embedding IS NOT NULL, g.embedding IS NOT NULL, g.embedding_seq IS NOT NULL"
                + " FROM tip t JOIN tip_group g ON g.id = t.group_id WHERE t.id IN (?1, ?2, ?3) ORDER BY t.id",
                asked.tipId(), again.tipId(), spanish.tipId());
        assertEquals(List.of(true, true, true), List.of(stored.get(0)[1], stored.get(0)[2], stored.get(0)[3]));
        assertEquals(true, stored.get(1)[1]);
        assertEquals(List.of(false, false, false), List.of(stored.get(2)[1], stored.get(2)[2], stored.get(2)[3]));
    }

    @Test
    void theListPagesByKeyMostRecentlyAskedFirst() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(tip(rumour(words()), TipChannel.WEB).groupId());
        }
        // The first group is asked again: it is now the most recently asked.
        String[] w = words();
        long renewed = tip(rumour(w), TipChannel.WEB).groupId();
        tip(rumour(w) + " again", TipChannel.WEB);
        List<Long> expected = List.of(renewed, mine.get(2), mine.get(1), mine.get(0));

        List<Long> seen = new ArrayList<>();
        Instant previous = Instant.MAX;
        String next = null;
        do {
            var request = desk.as(desk.bob).queryParam("size", 2);
            if (next != null) {
                request.queryParam("after", next);
            }
            JsonPath page = request.get("/api/tips").then().statusCode(200)
                    .body("size", equalTo(2)).body("page", equalTo(0)).extract().jsonPath();
            assertTrue(page.getList("items").size() <= 2);
            assertTrue(page.getLong("total") >= 4);
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                Instant lastAt = Instant.parse((String) item.get("lastAt"));
                assertFalse(lastAt.isAfter(previous), "most recently asked first");
                previous = lastAt;
                seen.add(((Number) item.get("id")).longValue());
            }
            next = page.getString("next");
        } while (next != null && !seen.containsAll(expected));
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no group twice across pages");
        assertEquals(expected, seen.stream().filter(expected::contains).toList());

        String cursor = desk.as(desk.alice).get("/api/tips?size=1").then().extract().jsonPath().getString("next");
        desk.as(desk.alice).queryParam("after", cursor).get("/api/tips?page=1").then().statusCode(400);
        desk.as(desk.alice).get("/api/tips?state=everything").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aGroupBecomesAClaimWhoseTicketRecordsHowManyAsked() {
        String[] w = words();
        long group = tip(rumour(w), TipChannel.WEB).groupId();
        tip(rumour(w) + "!", TipChannel.EMAIL);
        JsonPath open = group(desk.carol, group);
        assertEquals(Map.of("createClaim", true, "attach", true, "dismiss", true), open.getMap("group.permissions"));

        JsonPath created = desk.as(desk.carol).body(Map.of("text", rumour(w), "language", "en", "priority", "HIGH",
                        "topics", List.of("politics")))
                .post("/api/tips/groups/{id}/claim", group).then().statusCode(201)
                .body("state", equalTo("attached"))
                .body("permissions.createClaim", equalTo(false)).extract().jsonPath();
        long claimId = created.getLong("claim.claimId");
        long ticketId = created.getLong("claim.ticketId");
        assertEquals("OPEN", created.getString("claim.status"));

        desk.as(desk.alice).get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .body("claim.text", equalTo(rumour(w))).body("claim.priority", equalTo("HIGH"));
        JsonPath history = desk.as(desk.alice).get("/api/tickets/{id}/history", ticketId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ticket.asked", "ticket.opened"), history.getList("items.action"));
        assertEquals(Map.of("groupId", (int) group, "asked", 2), history.getMap("items[0].changes"));

        // Handled once: a second claim, an attachment or a dismissal is a conflict.
        desk.as(desk.carol).body(Map.of("text", "Again", "language", "en"))
                .post("/api/tips/groups/{id}/claim", group).then().statusCode(409)
                .body("detail", containsString("attached to claim " + claimId));
        desk.as(desk.carol).body(Map.of("claimId", claimId)).post("/api/tips/groups/{id}/attach", group)
                .then().statusCode(409);
        desk.as(desk.carol).body(Map.of()).post("/api/tips/groups/{id}/dismiss", group).then().statusCode(409);

        assertTrue(ids("attached").contains(group));
        assertFalse(ids("open").contains(group));

        // A later tip of the group points at the claim too, and is counted on the ticket.
        long later = tip("Is it true? " + rumour(w), "tipline-test").groupId();
        assertEquals(group, later);
        assertEquals(claimId, group(desk.alice, group).getLong("group.claim.claimId"));
        desk.as(desk.bob).get("/api/tickets/{id}/asked", ticketId).then().statusCode(200)
                .body("asked", equalTo(3));
    }

    @Test
    void aGroupAttachesToAnExistingClaimButNotToADiscardedOne() {
        String[] w = words();
        long group = tip(rumour(w), TipChannel.WEB).groupId();
        long ticket = desk.newTicket("NORMAL");
        long claimId = desk.as(desk.alice).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");

        desk.as(desk.carol).body(Map.of("claimId", Long.MAX_VALUE)).post("/api/tips/groups/{id}/attach", group)
                .then().statusCode(404);
        long discarded = desk.newTicket("NORMAL");
        desk.act(desk.carol, discarded, "discard", Map.of("reason", "not checkable")).statusCode(200);
        long discardedClaim = desk.as(desk.alice).get("/api/tickets/{id}", discarded).then().extract().jsonPath()
                .getLong("claim.id");
        desk.as(desk.carol).body(Map.of("claimId", discardedClaim)).post("/api/tips/groups/{id}/attach", group)
                .then().statusCode(409).body("detail", containsString("discarded"));
        assertEquals("open", group(desk.alice, group).getString("group.state"), "a refusal changes nothing");

        desk.as(desk.carol).body(Map.of("claimId", claimId)).post("/api/tips/groups/{id}/attach", group)
                .then().statusCode(200).body("state", equalTo("attached"))
                .body("claim.claimId", equalTo((int) claimId)).body("claim.ticketId", equalTo((int) ticket));
        JsonPath history = desk.as(desk.alice).get("/api/tickets/{id}/history", ticket).then().extract().jsonPath();
        assertEquals("ticket.asked", history.getString("items[0].action"));
        assertEquals(Map.of("groupId", (int) group, "asked", 1), history.getMap("items[0].changes"));
    }

    @Test
    void aGroupAttachedToAClaimAlreadyPublishedIsAnsweredWithItAtOnce() {
        String[] w = words();
        long group = tip(rumour(w), TipChannel.WEB).groupId();
        long ticket = desk.publish(Map.of("text", "A claim published before anyone asked " + w[0], "language", "en"),
                "False", "No, it was not sold");
        long claimId = desk.as(desk.alice).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");

        desk.as(desk.carol).body(Map.of("claimId", claimId)).post("/api/tips/groups/{id}/attach", group)
                .then().statusCode(200);
        List<String> answers = QuarkusTransaction.requiringNew().call(() -> TipAnswer.<TipAnswer>list(
                "tipId in (select t.id from Tip t where t.groupId = ?1)", group).stream()
                .map(a -> a.kind + " " + a.state + " " + a.ticketId).toList());
        assertEquals(List.of("published PENDING " + ticket), answers);
    }

    @Test
    void aDismissedGroupIsRecordedInTheDeskChainAndListedApart() {
        long group = tip(rumour(words()), TipChannel.WEB).groupId();
        desk.as(desk.carol).body(Map.of("reason", "spam")).post("/api/tips/groups/{id}/dismiss", group)
                .then().statusCode(200).body("state", equalTo("dismissed")).body("dismissedAt", not(nullValue()))
                .body("permissions.dismiss", equalTo(false));
        assertTrue(ids("dismissed").contains(group));
        assertFalse(ids("open").contains(group));
        desk.as(desk.carol).body(Map.of("reason", "spam")).post("/api/tips/groups/{id}/dismiss", group)
                .then().statusCode(409);
        desk.as(desk.carol).body(Map.of("text", "A claim", "language", "en"))
                .post("/api/tips/groups/{id}/claim", group).then().statusCode(409)
                .body("detail", containsString("dismissed"));
        desk.as(desk.dave).get("/api/audit/verify").then().statusCode(200);
    }

    @Test
    void onlyEditorsHandleGroupsAndUnknownGroupsAreNotFound() {
        long group = tip(rumour(words()), TipChannel.WEB).groupId();
        for (String who : List.of(desk.alice, desk.bob, desk.dave)) {
            assertEquals(Map.of("createClaim", false, "attach", false, "dismiss", false),
                    group(who, group).getMap("group.permissions"));
            desk.as(who).body(Map.of("text", "A claim", "language", "en")).post("/api/tips/groups/{id}/claim", group)
                    .then().statusCode(403).contentType(containsString("application/problem+json"));
            desk.as(who).body(Map.of("claimId", 1)).post("/api/tips/groups/{id}/attach", group).then().statusCode(403);
            desk.as(who).body(Map.of()).post("/api/tips/groups/{id}/dismiss", group).then().statusCode(403);
        }
        assertEquals("open", group(desk.carol, group).getString("group.state"));
        desk.as(desk.alice).get("/api/me").then().body("permissions.handleTips", equalTo(false));
        desk.as(desk.carol).get("/api/me").then().body("permissions.handleTips", equalTo(true));

        desk.as(desk.alice).get("/api/tips/groups/{id}", Long.MAX_VALUE).then().statusCode(404);
        desk.as(desk.carol).body(Map.of()).post("/api/tips/groups/{id}/dismiss", Long.MAX_VALUE).then().statusCode(404);
        desk.as(desk.carol).body(Map.of("text", "", "language", "en")).post("/api/tips/groups/{id}/claim", group)
                .then().statusCode(400);
        desk.as(desk.carol).body(Map.of("reason", "x".repeat(DismissRequest.REASON_MAX + 1)))
                .post("/api/tips/groups/{id}/dismiss", group).then().statusCode(400);
        io.restassured.RestAssured.given().get("/api/tips").then().statusCode(401);
    }

    @Test
    void askedCountsEveryGroupOfTheClaimAndSuggestsAPriority() {
        long ticket = desk.newTicket("NORMAL");
        long claimId = desk.as(desk.alice).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        desk.as(desk.alice).get("/api/tickets/{id}/asked", ticket).then().statusCode(200)
                .body("asked", equalTo(0)).body("since", nullValue()).body("suggestedPriority", nullValue());

        String[] w = words();
        long nine = 0;
        for (int i = 0; i < 9; i++) {
            nine = tip(rumour(w) + " " + i, TipChannel.WEB).groupId();
        }
        desk.as(desk.carol).body(Map.of("claimId", claimId)).post("/api/tips/groups/{id}/attach", nine).then().statusCode(200);
        desk.as(desk.alice).get("/api/tickets/{id}/asked", ticket).then().statusCode(200)
                .body("asked", equalTo(9)).body("suggestedPriority", nullValue());

        // A second group of the same claim: ten people asked in all (factdesk.tips.asked-for-high).
        String[] other = words();
        long one = tip(rumour(other), TipChannel.EMAIL).groupId();
        assertNotEquals(nine, one);
        desk.as(desk.carol).body(Map.of("claimId", claimId)).post("/api/tips/groups/{id}/attach", one).then().statusCode(200);
        JsonPath asked = desk.as(desk.bob).get("/api/tickets/{id}/asked", ticket).then().statusCode(200)
                .body("asked", equalTo(10)).body("suggestedPriority", equalTo("HIGH")).extract().jsonPath();
        assertTrue(!Instant.parse(asked.getString("since")).isAfter(Instant.parse(asked.getString("lastAt"))));

        // Later tips keep counting, up to asked-for-urgent (50).
        for (int i = 0; i < 39; i++) {
            tip(rumour(other) + " " + i, TipChannel.WEB);
        }
        desk.as(desk.alice).get("/api/tickets/{id}/asked", ticket).then().body("asked", equalTo(49))
                .body("suggestedPriority", equalTo("HIGH"));
        tip(rumour(other) + " once more", TipChannel.WEB);
        desk.as(desk.alice).get("/api/tickets/{id}/asked", ticket).then().body("asked", equalTo(50))
                .body("suggestedPriority", equalTo("URGENT"));
        desk.as(desk.alice).get("/api/tickets/{id}/asked", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void noAnswerCarriesAContact() {
        String[] w = words();
        long group = tip(rumour(w), TipChannel.WEB).groupId();
        tip(rumour(w) + "?", "tipline-test");
        List<String> bodies = new ArrayList<>();
        bodies.add(desk.as(desk.alice).get("/api/tips?size=200").then().statusCode(200).extract().asString());
        bodies.add(desk.as(desk.alice).get("/api/tips/groups/{id}", group).then().statusCode(200).extract().asString());
        String created = desk.as(desk.carol).body(Map.of("text", rumour(w), "language", "en"))
                .post("/api/tips/groups/{id}/claim", group).then().statusCode(201).extract().asString();
        bodies.add(created);
        long ticket = JsonPath.from(created).getLong("claim.ticketId");
        bodies.add(desk.as(desk.alice).get("/api/tips?state=attached&size=200").then().extract().asString());
        bodies.add(desk.as(desk.alice).get("/api/tickets/{id}/history", ticket).then().extract().asString());
        bodies.add(desk.as(desk.alice).get("/api/tickets/{id}/asked", ticket).then().extract().asString());
        assertTrue(bodies.get(0).contains(rumour(w)), "the list shows the group's words");
        for (String body : bodies) {
            assertFalse(body.contains(CONTACT) || body.contains("requester-"), body);
            assertFalse(body.contains("contact") || body.contains("token"), body);
        }
    }
}
