package org.factdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.factdesk.intake.ArticleIntake;
import org.factdesk.support.Desk;
import org.factdesk.support.Tokens;
import org.factdesk.ticket.TicketAction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document states the limits the server enforces. The document is the one the build stores
 * ({@code target/openapi/openapi.json}, written while this test's application was built), so this checks what
 * partners get and what the Spectral lint reads: every string, integer and array carries its bound (a field
 * added without one fails here), and spot checks send one more than the document allows and get a 400 problem.
 */
@QuarkusTest
class ApiLimitsTest {

    static final Path DOCUMENT = Path.of("target/openapi/openapi.json");

    static JsonNode document;

    final Desk desk = new Desk();

    @BeforeAll
    static void readTheStoredDocument() throws IOException {
        assertTrue(Files.exists(DOCUMENT), DOCUMENT + " is missing: quarkus.smallrye-openapi.store-schema-directory");
        // Written by this run's build of the application, not left over from an earlier one.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        assertTrue(Files.getLastModifiedTime(DOCUMENT).toMillis() >= jvmStart - 1000,
                DOCUMENT + " is older than this test run");
        document = new ObjectMapper().readTree(DOCUMENT.toFile());
    }

    @Test
    void everyStringIntegerAndArrayOfTheDocumentHasItsBound() {
        List<String> unbounded = new ArrayList<>();
        int[] checked = new int[1];
        walk(document, "", (node, path) -> {
            String type = node.path("type").asText();
            if (!node.path("type").isTextual() || path.contains(".examples")) {
                return;
            }
            switch (type) {
                case "string" -> {
                    checked[0]++;
                    if (!node.has("maxLength") && !node.has("enum") && !node.has("const")) {
                        unbounded.add(path + ": string without maxLength or enum");
                    }
                }
                case "integer" -> {
                    checked[0]++;
                    if (node.has("minimum") == node.has("exclusiveMinimum") || node.has("maximum") == node.has("exclusiveMaximum")) {
                        unbounded.add(path + ": integer without one minimum and one maximum");
                    }
                }
                case "array" -> {
                    checked[0]++;
                    if (!node.has("maxItems")) {
                        unbounded.add(path + ": array without maxItems");
                    }
                }
                default -> {
                }
            }
        });
        assertTrue(checked[0] > 300, "too few schemas found: " + checked[0]);
        assertTrue(unbounded.isEmpty(), unbounded.size() + " without a bound:\n" + String.join("\n", unbounded));
    }

    @Test
    void aValueBeyondTheDocumentsLimitIsA400Problem() {
        int textMax = schema("ClaimRequest").at("/properties/text/maxLength").asInt();
        claim("x".repeat(textMax), List.of()).statusCode(201);
        problem(claim("x".repeat(textMax + 1), List.of()), 400).body("violations.field", hasItem(containsString("text")));

        int queryMax = parameter("/api/prior-reviews", "get", "q").at("/schema/maxLength").asInt();
        desk.as(desk.alice).queryParam("q", "q".repeat(queryMax)).get("/api/prior-reviews").then().statusCode(200);
        problem(desk.as(desk.alice).queryParam("q", "q".repeat(queryMax + 1)).get("/api/prior-reviews").then(), 400);

        long minimumId = parameter("/api/tickets/{id}", "get", "id").at("/schema/minimum").asLong();
        problem(desk.as(desk.alice).get("/api/tickets/{id}", minimumId - 1).then(), 400);

        int zoneMax = schema("DeskSettingsRequest").at("/properties/timeZone/maxLength").asInt();
        problem(desk.as(desk.dave).body(Map.of("timeZone", "Z".repeat(zoneMax + 1), "maxInProgress", 0, "version", 0))
                .put("/api/settings").then(), 400).body("violations.field", hasItem(containsString("timeZone")));
    }

    @Test
    void whoActsIsATokenSubjectWithinTheDocumentedLength() {
        int subjectMax = schema("MeView").at("/properties/subject/maxLength").asInt();
        given().auth().oauth2(Tokens.of("s".repeat(subjectMax), "editor")).get("/api/me").then().statusCode(200);
        problem(given().auth().oauth2(Tokens.of("s".repeat(subjectMax + 1), "editor")).get("/api/me").then(), 401);
    }

    @Test
    void problemsStayWithinTheirDocumentedBounds() {
        int detailMax = schema("HttpProblem").at("/properties/detail/maxLength").asInt();
        long ticket = desk.newTicket("LOW");
        String detail = problem(desk.as(desk.carol).post("/api/tickets/{id}/{action}", ticket, "x".repeat(3000)).then(), 404)
                .extract().path("detail");
        assertTrue(detail.length() <= detailMax, "detail of " + detail.length() + " characters");

        // Every item breaks its limit on topics 21 times: over a thousand violations.
        int violationsMax = schema("HttpValidationProblem").at("/properties/violations/maxItems").asInt();
        List<Map<String, Object>> items = IntStream.range(0, 50)
                .mapToObj(i -> Map.<String, Object>of("position", i, "topics", java.util.Collections.nCopies(21, " ")))
                .toList();
        problem(desk.as(desk.carol).body(Map.of("items", items)).post("/api/articles/{id}/candidates/accept", 1).then(), 400)
                .body("violations.size()", lessThanOrEqualTo(violationsMax));
    }

    @Test
    void aClaimKeepsAtMostTheDocumentedAppearances() {
        int most = schema("ClaimView").at("/properties/appearances/maxItems").asInt();
        long full = claim("Full " + Desk.unique("claim"), IntStream.range(0, most)
                .mapToObj(i -> Map.of("url", "https://seen.example/" + i)).toList())
                .statusCode(201).extract().jsonPath().getLong("id");
        long more = claim("More " + Desk.unique("claim"), List.of(Map.of("url", "https://seen.example/more")))
                .statusCode(201).extract().jsonPath().getLong("id");
        problem(desk.as(desk.carol).body(Map.of("duplicateOf", full)).post("/api/claims/{id}/mark-duplicate", more).then(), 409);
        desk.as(desk.carol).get("/api/claims/{id}", full).then().statusCode(200).body("appearances.size()", equalTo(most));
        desk.as(desk.carol).get("/api/claims/{id}", more).then().statusCode(200).body("ticketStatus", equalTo("OPEN"));
    }

    /** Unicode NFC turns U+FB2C into three characters: the kept text would pass the stated limit. */
    @Test
    void anArticlesTextKeepsItsLimitOnceNormalised() {
        int textMax = schema("ArticleRequest").at("/properties/text/maxLength").asInt();
        String expanding = "\uFB2C".repeat(textMax / 2);
        assertTrue(java.text.Normalizer.normalize(expanding, java.text.Normalizer.Form.NFC).length() > textMax);
        problem(desk.as(desk.carol).body(Map.of("url", "https://news.example/" + Desk.unique("nfc"), "format", "text",
                "text", expanding)).post("/api/articles").then(), 400);
    }

    @Test
    void theDocumentSaysWhichOperationsAreConcurrencyLimitedAndWhichActionsExist() {
        for (String[] operation : List.of(new String[]{"/api/articles", "post"}, new String[]{"/api/articles/{id}", "put"})) {
            JsonNode busy = document.at("/paths/" + escape(operation[0]) + "/" + operation[1] + "/responses/503");
            assertEquals(ArticleIntake.RETRY_AFTER_SECONDS, busy.at("/headers/Retry-After/schema/maximum").asInt(),
                    operation[0] + " " + operation[1]);
        }
        List<String> actions = new ArrayList<>();
        parameter("/api/tickets/{id}/{action}", "post", "action").at("/schema/enum").forEach(a -> actions.add(a.asText()));
        assertEquals(TicketAction.paths(), actions);
    }

    private ValidatableResponse claim(String text, List<Map<String, String>> appearances) {
        Map<String, Object> body = new HashMap<>(Map.of("text", text, "language", "en", "priority", "LOW"));
        body.put("appearances", appearances);
        return desk.as(desk.carol).body(body).post("/api/claims").then();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    static JsonNode schema(String name) {
        JsonNode schema = document.at("/components/schemas/" + name);
        assertTrue(schema.isObject(), "no schema " + name);
        return schema;
    }

    static JsonNode parameter(String path, String method, String name) {
        for (JsonNode parameter : document.at("/paths/" + escape(path) + "/" + method + "/parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " of " + method + " " + path);
    }

    /** A JSON pointer token: "/" is "~1". */
    static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    interface Visitor {
        void visit(JsonNode node, String path);
    }

    static void walk(JsonNode node, String path, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(node, path);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), path + "." + field.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }
}
