package org.factdesk.similar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.factdesk.support.StoredMeanings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Similar claims by meaning: the worker embeds stored claims, the search finds rewordings and says why. */
@QuarkusTest
class MeaningSearchTest {

    final Desk desk = new Desk();

    @Inject
    MeaningWorker worker;

    @AfterEach
    void claimsAreFoundByTheirWordsAgainForTheOtherTests() {
        StoredMeanings.forgetClaims();
    }

    @Test
    void aRewordedClaimIsFoundByMeaningOnceEmbeddedWithItsReasons() {
        String place = letters(Desk.unique("Tarnow")); // no digits: numbers in a text are weighed
        long ticket = claim("Road spending in " + place + " doubled since 2020.");
        long other = claim("The " + place + " zoo welcomed a second giraffe this spring.");
        String reworded = "The city of " + place + " now spends twice as much on its roads as four years ago.";

        assertTrue(similar(reworded).stream().noneMatch(m -> m.get("ticketId").equals((int) ticket)),
                "by words alone the rewording is not found");
        while (worker.runDue() > 0) {
            // until every claim has its meaning
        }
        List<Map<String, Object>> matches = similar(reworded);
        Map<String, Object> found = matches.stream().filter(m -> m.get("ticketId").equals((int) ticket)).findFirst()
                .orElseThrow(() -> new AssertionError(matches.toString()));
        assertTrue(((Number) found.get("meaning")).doubleValue() > 0.6, found.toString());
        assertTrue(((Number) found.get("similarity")).doubleValue() >= ClaimMatch.THRESHOLD, found.toString());
        assertTrue(((List<?>) found.get("reasons")).get(0).toString().contains("meaning"), found.toString());
        assertTrue(matches.stream().noneMatch(m -> m.get("ticketId").equals((int) other)), "another claim about the place is not the same claim");
    }

    @Test
    void aChangedTextLosesItsEmbeddingUntilEmbeddedAgain() {
        String word = Desk.unique("bridge");
        long ticket = claim("The " + word + " cost 30 million euros more than planned.");
        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        while (worker.runDue() > 0) {
            // embed everything
        }
        assertNotNull(embedding(claim));
        desk.as(desk.carol).body(Map.of("text", "The " + word + " cost 40 million euros more than planned.", "language", "en",
                "version", 0)).put("/api/claims/{id}", claim).then().statusCode(200);
        assertNull(embedding(claim), "the trigger clears the meaning of a changed text");
        worker.runDue();
        assertNotNull(embedding(claim));
    }

    @Test
    void textsInOtherLanguagesAreMatchedByTheirWordsOnly() {
        String word = letters(Desk.unique("puente"));
        // Long enough for the language to be clear whatever the made-up name (a short text of no clear language is read as English).
        String claimText = "El " + word + " costó treinta millones de euros más de lo previsto, según el informe de la auditoría municipal.";
        long ticket = desk.as(desk.carol).body(Map.of("text", claimText,
                "language", "es", "priority", "NORMAL")).post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        while (worker.runDue() > 0) {
            // everything the model reads
        }
        assertNull(embedding(claim), "the embedding model reads English only");
        Map<String, Object> found = similar("Según el informe de la auditoría municipal, el " + word
                + " costó treinta millones de euros más de lo que se había previsto.").stream()
                .filter(m -> m.get("ticketId").equals((int) ticket)).findFirst().orElseThrow();
        assertNull(found.get("meaning"));
        assertTrue(((List<?>) found.get("reasons")).get(0).toString().contains("the text is in es"), found.toString());
    }

    private static String letters(String text) {
        return text.chars().map(c -> Character.isDigit(c) ? 'g' + (c - '0') : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private long claim(String text) {
        return desk.as(desk.carol).body(Map.of("text", text, "language", "en", "priority", "NORMAL"))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
    }

    private List<Map<String, Object>> similar(String text) {
        JsonPath answer = desk.as(desk.carol).queryParam("text", text).queryParam("limit", 10).get("/api/similar")
                .then().statusCode(200).extract().jsonPath();
        return answer.getList("claims");
    }

    private static byte[] embedding(long claim) {
        return QuarkusTransaction.requiringNew().call(() -> (byte[]) Panache.getEntityManager()
                .createNativeQuery("SELECT embedding FROM claim WHERE id = :id").setParameter("id", claim).getSingleResult());
    }
}
