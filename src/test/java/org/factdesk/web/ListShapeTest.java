package org.factdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One list shape: every GET under {@code /api} whose answer is a list answers the page
 * ({@code items, total, totalExact, page, size}, and {@code next} where it pages by key) and takes
 * {@code page} and {@code size}; none answers a bare array. Walks the stored OpenAPI document
 * ({@link ApiLimitsTest#DOCUMENT}), so a new list endpoint is checked without being named here.
 */
@QuarkusTest
class ListShapeTest {

    static final Set<String> PAGE_FIELDS = Set.of("items", "total", "totalExact", "page", "size", "next");

    /**
     * Lists that are answered whole, so take no {@code page} or {@code size}, each with its reason.
     * They keep the page's fields (a client reads them the same way) and may add their own.
     */
    static final Map<String, String> WHOLE_LISTS = Map.of(
            "PeopleView", "the desk's roster from the identity provider, at most DeskDirectory.MAX_PEOPLE, cached"
                    + " whole (with fetchedAt and stale); it fills pickers and is never paged");

    /**
     * Answers with {@code items} that are one computed result, not a stored list: the analysis of one
     * article (its sentences, its candidate claims above a threshold), bounded by the article's length.
     */
    static final Map<String, String> RESULTS = Map.of(
            "SentencesView", "one article's sentences with their scores: the analysis, read whole beside the text",
            "CandidatesView", "one article's candidate claims above ?threshold, at most ?limit: a ranked result");

    @Test
    void everyListUnderApiAnswersThePageShape() throws IOException {
        assertTrue(Files.exists(ApiLimitsTest.DOCUMENT), ApiLimitsTest.DOCUMENT + " is missing");
        JsonNode document = new ObjectMapper().readTree(ApiLimitsTest.DOCUMENT.toFile());
        List<String> wrong = new ArrayList<>();
        Set<String> pages = new TreeSet<>();
        Set<String> keyed = new TreeSet<>();
        Set<String> seenExceptions = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            if (!path.getKey().startsWith("/api/") || get.isMissingNode()) {
                continue;
            }
            String operation = "GET " + path.getKey();
            for (Iterator<Map.Entry<String, JsonNode>> media = get.path("responses").path("200").path("content").fields();
                 media.hasNext(); ) {
                Map.Entry<String, JsonNode> content = media.next();
                if (!content.getKey().contains("json")) {
                    continue;
                }
                JsonNode schema = content.getValue().path("schema");
                String name = schema.has("$ref") ? schema.get("$ref").asText().replaceAll(".*/", "") : null;
                JsonNode resolved = name == null ? schema : document.path("components").path("schemas").path(name);
                if ("array".equals(resolved.path("type").asText())) {
                    wrong.add(operation + ": answers a bare array");
                    continue;
                }
                JsonNode properties = resolved.path("properties");
                if (name != null && RESULTS.containsKey(name)) {
                    seenExceptions.add(name);
                } else if (properties.has("items") && name != null && WHOLE_LISTS.containsKey(name)) {
                    seenExceptions.add(name);
                    Set<String> fields = new TreeSet<>();
                    properties.fieldNames().forEachRemaining(fields::add);
                    if (!fields.containsAll(Set.of("items", "total", "totalExact", "page", "size"))) {
                        wrong.add(operation + ": a whole list with fields " + fields);
                    }
                } else if (properties.has("items") || properties.has("total")) {
                    pages.add(operation);
                    Set<String> fields = new TreeSet<>();
                    properties.fieldNames().forEachRemaining(fields::add);
                    Set<String> required = new TreeSet<>(PAGE_FIELDS);
                    required.remove("next");
                    if (!fields.containsAll(required) || !PAGE_FIELDS.containsAll(fields)) {
                        wrong.add(operation + ": a page with fields " + fields + ", not " + PAGE_FIELDS);
                    }
                    Set<String> query = new TreeSet<>();
                    get.path("parameters").forEach(p -> {
                        if ("query".equals(p.path("in").asText())) {
                            query.add(p.path("name").asText());
                        }
                    });
                    if (!query.containsAll(Set.of("page", "size"))) {
                        wrong.add(operation + ": a page without the page and size parameters " + query);
                    }
                    if (query.contains("after")) {
                        keyed.add(operation);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        // The lists of issue 15 are among them, and the exceptions still exist (else drop them from the list).
        assertTrue(pages.containsAll(Set.of("GET /api/tickets", "GET /api/tickets/{id}/history",
                "GET /api/tickets/{ticketId}/comments", "GET /api/tickets/{ticketId}/evidence", "GET /api/rating-scales",
                "GET /api/webhooks", "GET /api/webhooks/{id}/deliveries")), pages.toString());
        assertEquals(Set.of("GET /api/claims", "GET /api/notifications", "GET /api/tickets", "GET /api/tips", "GET /api/tickets/{id}/history",
                "GET /api/tickets/{ticketId}/comments", "GET /api/webhooks/{id}/deliveries"), keyed, "lists paged by key");
        Set<String> exceptions = new TreeSet<>(WHOLE_LISTS.keySet());
        exceptions.addAll(RESULTS.keySet());
        assertEquals(exceptions, seenExceptions);
    }
}
