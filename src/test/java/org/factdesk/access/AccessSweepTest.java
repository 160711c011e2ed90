package org.factdesk.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.ApiFixtures;
import org.factdesk.support.ApiOperations;
import org.factdesk.support.ApiOperations.Operation;
import org.factdesk.support.Desk;
import org.factdesk.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every operation of the running application's OpenAPI document, called by an anonymous client and
 * by each single desk role, against the access rules the document states.
 * <p>
 * The roles an operation requires are read from the document: smallrye-openapi turns
 * {@code @RolesAllowed} (class or method) into a security requirement on the JWT scheme whose scopes
 * are the allowed roles; {@code @PermitAll} resources have none. So a new endpoint is swept without
 * editing this test, and its role list comes from its own annotations.
 * <p>
 * Refusals are told apart by who gives them. The endpoint-level one ({@code @RolesAllowed}) is
 * calibrated per operation with a token that holds no desk role, which only that layer can refuse.
 * A 403 with any other detail comes from a rule the application applies after the role check
 * (ownership, four-eyes, the transition table's roles per action): allowed for a permitted role, and
 * listed in the output so that a reader sees each one.
 */
@QuarkusTest
class AccessSweepTest {

    static final List<String> ROLES = ApiOperations.ROLES;

    final Desk desk = new Desk();
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI root;

    /** The OpenAPI document, on the management interface. */
    @TestHTTPResource(value = "openapi", management = true)
    URI openApi;

    record Answer(int status, String contentType, String challenge, String detail) {
        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + (detail == null ? "" : " \"" + detail + "\"");
        }
    }

    @Test
    void everyOperationRefusesExactlyWhomItsDocumentSays() throws Exception {
        JsonNode document = json.readTree(given().get(openApi + "?format=json").then().statusCode(200).extract().asString());
        Map<String, String> fixtures = new LinkedHashMap<>();
        try {
            long fixturesStarted = System.nanoTime();
            fixtures.putAll(ApiFixtures.create(desk));
            System.out.printf("Access sweep: fixtures %s made in %d ms%n", fixtures, (System.nanoTime() - fixturesStarted) / 1_000_000);
            List<Operation> operations = ApiOperations.read(document, fixtures);
            assertTrue(operations.size() > 40, "the document lists too few operations: " + operations.size());

            List<String> mismatches = new ArrayList<>();
            List<String> ruleRefusals = new ArrayList<>();
            List<String> unavailable = new ArrayList<>();
            List<String> table = new ArrayList<>();
            int requests = 0;
            long started = System.nanoTime();
            for (Operation op : operations) {
                StringBuilder row = new StringBuilder(op.toString()).append(op.signed() ? "  signed"
                        : op.needsAuth() ? "  needs " + op.roles() : "  public");
                table.add(row.toString());
                if (op.signed()) {
                    // A partner's signature is its only way in: no bearer token, whatever its roles, passes.
                    List<String> callers = new ArrayList<>(List.of("anonymous", "no desk role"));
                    callers.addAll(ROLES);
                    for (String caller : callers) {
                        Answer answer = send(op, caller.equals("anonymous") ? null
                                : Tokens.of(Desk.unique(caller), caller.equals("no desk role") ? "offline_access" : caller));
                        requests++;
                        table.add("    " + String.format("%-13s ", caller) + answer);
                        if (answer.status() != 401 || !answer.isProblem() || answer.challenge() == null
                                || !answer.challenge().startsWith("Signature")) {
                            mismatches.add(op + " as " + caller + ": expected a 401 problem with a 'Signature' challenge, got "
                                    + answer + " (" + answer.challenge() + ")");
                        }
                    }
                    continue;
                }
                Answer anonymous = send(op, null);
                requests++;
                check(op, "anonymous", anonymous, mismatches, unavailable);
                table.add("    anonymous     " + anonymous);
                if (op.needsAuth()) {
                    expectRefusal(op, "anonymous", anonymous, 401, mismatches);
                }
                // A token with no desk role: only the endpoint-level role check can refuse it.
                Answer noRole = send(op, Tokens.of(Desk.unique("outsider"), "offline_access"));
                requests++;
                check(op, "no desk role", noRole, mismatches, unavailable);
                table.add("    no desk role  " + noRole);
                if (op.needsAuth()) {
                    expectRefusal(op, "no desk role", noRole, 403, mismatches);
                }
                for (String role : ROLES) {
                    // A fresh subject each time: never the assignee, author or drafter of a fixture.
                    Answer answer = send(op, Tokens.of(Desk.unique(role), role));
                    requests++;
                    check(op, role, answer, mismatches, unavailable);
                    table.add("    " + String.format("%-13s ", role) + answer);
                    if (!op.needsAuth()) {
                        continue;
                    }
                    if (!op.roles().contains(role)) {
                        expectRefusal(op, role, answer, 403, mismatches);
                        if (answer.status() == 403 && !sameRefusal(answer, noRole)) {
                            mismatches.add(op + " as " + role + ": refused by a rule (" + answer
                                    + ") instead of the endpoint's role check (" + noRole + ")");
                        }
                    } else if (answer.status() == 401) {
                        mismatches.add(op + " as " + role + ": 401 although the document allows " + op.roles());
                    } else if (answer.status() == 403) {
                        if (sameRefusal(answer, noRole)) {
                            mismatches.add(op + " as " + role + ": refused by the endpoint's role check (" + answer
                                    + ") although the document allows " + op.roles());
                        } else {
                            ruleRefusals.add(op + " as " + role + ": " + answer);
                        }
                    }
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            Files.write(Path.of("target", "access-sweep.txt"), table);
            long protectedOps = operations.stream().filter(Operation::needsAuth).count();
            System.out.printf("Access sweep: %d operations (%d protected, %d public) x %d callers (anonymous, no desk role, %s)"
                            + " = %d requests in %d ms; %d rule refusals of allowed roles; %d answers 503 (dependency down);"
                            + " %d mismatches%n",
                    operations.size(), protectedOps, operations.size() - protectedOps, 2 + ROLES.size(),
                    String.join(", ", ROLES), requests, millis, ruleRefusals.size(), unavailable.size(), mismatches.size());
            System.out.println("  every answer: target/access-sweep.txt");
            ruleRefusals.forEach(r -> System.out.println("  rule refusal (allowed role, refused after the role check): " + r));
            unavailable.forEach(r -> System.out.println("  unavailable dependency: " + r));
            if (!mismatches.isEmpty()) {
                fail(mismatches.size() + " access mismatches:\n  " + String.join("\n  ", mismatches));
            }
        } finally {
            ApiFixtures.cleanUp(desk, fixtures);
        }
    }

    /**
     * What every answer must satisfy, whoever asks. The one 5xx allowed is a 503 problem: a service the
     * server depends on is unreachable (the test profile points the Keycloak directory nowhere).
     */
    void check(Operation op, String caller, Answer answer, List<String> mismatches, List<String> unavailable) {
        if (answer.status() == 503 && answer.isProblem()) {
            unavailable.add(op + " as " + caller + ": " + answer);
        } else if (answer.status() >= 500) {
            mismatches.add(op + " as " + caller + ": server error " + answer);
        }
        if (!op.needsAuth() && (answer.status() == 401 || answer.status() == 403)) {
            mismatches.add(op + " as " + caller + ": public operation answered " + answer);
        }
    }

    void expectRefusal(Operation op, String caller, Answer answer, int status, List<String> mismatches) {
        if (answer.status() != status) {
            mismatches.add(op + " as " + caller + ": expected " + status + ", got " + answer
                    + (op.roles().isEmpty() ? "" : " (document allows " + op.roles() + ")"));
        } else if (!answer.isProblem()) {
            mismatches.add(op + " as " + caller + ": " + status + " is not application/problem+json but " + answer.contentType());
        } else if (status == 401 && (answer.challenge() == null || !answer.challenge().startsWith("Bearer"))) {
            mismatches.add(op + " as " + caller + ": 401 without a 'WWW-Authenticate: Bearer' challenge");
        }
    }

    static boolean sameRefusal(Answer a, Answer endpointLevel) {
        return endpointLevel.status() == 403 && java.util.Objects.equals(a.detail(), endpointLevel.detail());
    }

    // --- Requests ---------------------------------------------------------------------------------

    Answer send(Operation op, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(op.path()))
                .timeout(Duration.ofSeconds(20))
                .method(op.method(), op.hasBody() ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (op.hasBody()) {
            request.header("Content-Type", op.bodyType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String detail = null;
        // A stream (server-sent events) is not read: its status and type are all the sweep needs.
        try (InputStream body = response.body()) {
            if (contentType != null && contentType.contains("json") && response.statusCode() >= 400) {
                JsonNode problem = json.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
            }
        } catch (IOException unreadable) {
            detail = "(unreadable body: " + unreadable.getMessage() + ")";
        }
        return new Answer(response.statusCode(), contentType,
                response.headers().firstValue("WWW-Authenticate").orElse(null), detail);
    }
}
