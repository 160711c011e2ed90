package org.factdesk.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Paging by key walks every sort order exactly as paging by offset does: same rows, same order, none twice. */
@QuarkusTest
class TicketKeysetTest {

    final Desk desk = new Desk();

    @Test
    void everySortPagesTheSameByKeyAndByOffset() {
        String topic = Desk.unique("keyset").toLowerCase();
        OffsetDateTime soon = OffsetDateTime.of(2031, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        String[] priorities = {"LOW", "URGENT", "NORMAL", "LOW", "HIGH", "URGENT", "LOW"};
        for (int i = 0; i < priorities.length; i++) {
            Map<String, Object> claim = new HashMap<>(Map.of("text", "Keyset claim " + i + " " + topic, "language", "en",
                    "priority", priorities[i], "topics", List.of(topic)));
            if (i % 3 != 0) { // some without a deadline, some sharing one: ties broken by the next keys
                claim.put("deadline", soon.plusDays(i % 2).toString());
            }
            desk.as(desk.carol).body(claim).post("/api/claims").then().statusCode(201);
        }
        for (String sort : TicketSearch.SORTS.keySet()) {
            List<Long> byOffset = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                byOffset.addAll(desk.as(desk.bob).get("/api/tickets?topic=" + topic + "&sort=" + sort + "&size=2&page=" + page)
                        .then().statusCode(200).body("total", equalTo(priorities.length)).body("totalExact", equalTo(true))
                        .extract().jsonPath().getList("items.id", Long.class));
            }
            List<Long> byKey = new ArrayList<>();
            String after = null;
            for (int page = 0; page < 4; page++) {
                var request = desk.as(desk.bob);
                if (after != null) {
                    request.queryParam("after", after);
                }
                JsonPath answer = request.get("/api/tickets?topic=" + topic + "&sort=" + sort + "&size=2").then()
                        .statusCode(200).extract().jsonPath();
                byKey.addAll(answer.getList("items.id", Long.class));
                after = answer.getString("next");
            }
            assertNull(after, sort + ": the last page has no next");
            assertEquals(priorities.length, byOffset.size(), sort);
            assertEquals(byOffset, byKey, sort);
            // A cursor of one order is refused by another.
            String first = desk.as(desk.bob).get("/api/tickets?topic=" + topic + "&sort=" + sort + "&size=2")
                    .then().extract().jsonPath().getString("next");
            String other = sort.equals("created") ? "updated" : "created";
            desk.as(desk.bob).queryParam("after", first).get("/api/tickets?topic=" + topic + "&sort=" + other).then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }
}
