package org.factdesk.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.factdesk.support.ApiFixtures;
import org.factdesk.support.ApiOperations;
import org.factdesk.support.ApiOperations.Operation;
import org.factdesk.support.Desk;
import org.factdesk.support.SeparateDatabaseResource;
import org.factdesk.support.TableDigest;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzing driven by the OpenAPI document: every operation of {@code /q/openapi} gets generated requests
 * ({@link RequestGenerator}, one {@link Strategy} each) from each desk role and from anonymous callers,
 * and every answer must hold:
 * <ul>
 *   <li>no 5xx, except a 503 problem from the people directory (its Keycloak is unreachable in tests);</li>
 *   <li>every 4xx is {@code application/problem+json} with {@code status} and {@code title}, naming no Java
 *       class ({@code java.}, {@code org.}, {@code com.fasterxml}, {@code Exception}, stack frames);</li>
 *   <li>a refused request (4xx, and any 5xx) changed no table ({@link TableDigest} before and after it).</li>
 * </ul>
 * Runs on a database of its own ({@code factdesk_fuzz} on the suite's PostgreSQL), so that what it
 * creates, claims and discards does not meet the other tests, and their rows do not slow its digests.
 * <p>
 * {@code -Dfuzz.seed=} repeats a run (the seed is printed), {@code -Dfuzz.requests=} sets its length
 * (6,000 by default, about a minute and a half on two cores; {@code bench/fuzz.sh} runs 50,000).
 * Every finding with its request is written to {@code target/fuzz-findings.txt}.
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.OwnDatabase.class)
class ApiFuzzTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SeparateDatabaseResource.class, Map.of("database", DATABASE)));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Thousands of refusals: the problem extension's one line per 4xx would drown the output.
            return Map.of("quarkus.log.category.\"http-problem\".level", "WARN");
        }
    }

    static final String DATABASE = "factdesk_fuzz";
    static final long DEFAULT_SEED = 13;
    static final int DEFAULT_REQUESTS = 6_000;
    static final List<String> CALLERS = List.of("anonymous", "factchecker", "reviewer", "editor", "admin");
    static final Strategy[] STRATEGIES = Strategy.values();
    /** Java's fingerprints in an answer: package names, exception names, stack frames. */
    static final Pattern JAVA_LEAK = Pattern.compile(
            "\\b(java|javax|jakarta|org|com|io|sun)\\.[a-z][a-z0-9_]*\\.|com\\.fasterxml|Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.");

    final Desk desk = new Desk();
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI root;

    /** The OpenAPI document, on the management interface. */
    @TestHTTPResource(value = "openapi", management = true)
    URI openApi;

    record Answer(int status, String contentType, String body) {
        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    record Finding(String kind, FuzzCase request, Answer answer, String detail) {
        @Override
        public String toString() {
            return kind + ": " + (answer == null ? "no answer" : answer.status() + " " + answer.contentType())
                    + (detail == null ? "" : " — " + detail) + "\n      " + request.describe()
                    + (answer == null || answer.body() == null ? "" : "\n      answer: " + FuzzCase.excerpt(answer.body(), 300));
        }
    }

    @Test
    void everyOperationAnswersGarbageWithAProblemAndWritesNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.printf("Fuzz: seed %d (repeat with -Dfuzz.seed=%d), %d requests%n", seed, seed, requests);

        JsonNode document = json.readTree(given().get(openApi + "?format=json").then().statusCode(200).extract().asString());
        Map<String, String> fixtures = ApiFixtures.create(desk);
        List<Operation> operations = ApiOperations.read(document, fixtures);
        assertTrue(operations.size() > 40, "the document lists too few operations: " + operations.size());
        Map<String, String> tokens = Map.of("factchecker", desk.token(desk.alice), "reviewer", desk.token(desk.bob),
                "editor", desk.token(desk.carol), "admin", desk.token(desk.dave));
        RequestGenerator generator = new RequestGenerator(document, fixtures, tokens,
                List.of(desk.alice, desk.erin, desk.bob, desk.carol, desk.dave));

        Map<Integer, Integer> perStatus = new TreeMap<>();
        Map<Strategy, Map<String, Integer>> perStrategy = new LinkedHashMap<>();
        Map<String, Integer> accepted = new TreeMap<>();
        TreeSet<String> covered = new TreeSet<>();
        List<Finding> findings = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<String> transport = new ArrayList<>();
        int sent = 0;
        long sendNanos = 0;
        long digestNanos = 0;
        List<String> log = Boolean.getBoolean("fuzz.log") ? new ArrayList<>() : null;
        long started = System.nanoTime();
        try (Connection db = dataSource.getConnection()) {
            assertEquals(DATABASE, currentDatabase(db), "the fuzzer must run on its own database");
            TableDigest digest = TableDigest.of(db);
            Map<String, String> before = digest.take(db);
            int rounds = (requests + operations.size() - 1) / operations.size();
            // Round-robin over the operations, so every one sees the others' effects and a short run covers all.
            for (int round = 0; round < rounds && sent < requests; round++) {
                Strategy strategy = STRATEGIES[round % STRATEGIES.length];
                for (int o = 0; o < operations.size() && sent < requests; o++) {
                    Operation op = operations.get(o);
                    // Each strategy meets every caller in turn (shifted per operation), the allowed roles more often.
                    List<String> callers = callers(op);
                    String caller = callers.get((round / STRATEGIES.length + o) % callers.size());
                    FuzzCase request = generator.generate(op, strategy, caller, new SplittableRandom(mix(seed, o, round)));
                    Answer answer;
                    long sending = System.nanoTime();
                    try {
                        answer = sendOrRetry(request);
                    } catch (IOException e) {
                        findings.add(new Finding("no answer", request, null, e.toString()));
                        before = digest.take(db);
                        continue;
                    } finally {
                        sent++;
                    }
                    covered.add(request.operation());
                    perStatus.merge(answer.status(), 1, Integer::sum);
                    perStrategy.computeIfAbsent(strategy, s -> new TreeMap<>()).merge(answer.status() / 100 + "xx", 1, Integer::sum);
                    if (answer.status() < 400) {
                        accepted.merge(request.operation(), 1, Integer::sum);
                    }
                    sendNanos += System.nanoTime() - sending;
                    if (log != null) {
                        log.add(answer.status() + " " + request.describe() + "\n    -> "
                                + (answer.body() == null ? "" : FuzzCase.excerpt(answer.body(), 200)));
                    }
                    check(op, request, answer, findings, unavailable, transport);
                    long digesting = System.nanoTime();
                    Map<String, String> after = digest.take(db);
                    digestNanos += System.nanoTime() - digesting;
                    if (answer.status() >= 400) {
                        List<String> changed = TableDigest.changes(before, after);
                        if (!changed.isEmpty()) {
                            findings.add(new Finding("refused request changed the database", request, answer,
                                    String.join(", ", changed)));
                        }
                    }
                    before = after;
                }
            }
        } finally {
            ApiFixtures.cleanUp(desk, fixtures);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<String> report = new ArrayList<>();
        report.add(String.format("Fuzz: seed %d, %d requests to %d operations in %d ms (%d of %d operations covered, %d with"
                        + " an accepted answer)", seed, sent, operations.size(), millis, covered.size(), operations.size(),
                accepted.size()));
        report.add(String.format("  time: %d ms sending and answering, %d ms taking %d table digests", sendNanos / 1_000_000,
                digestNanos / 1_000_000, sent));
        StringBuilder statuses = new StringBuilder("  per status:");
        perStatus.forEach((status, count) -> statuses.append(' ').append(status).append(" x").append(count));
        report.add(statuses.toString());
        perStrategy.forEach((strategy, counts) -> report.add(String.format("  %-15s %s", strategy, counts)));
        report.add("  never accepted: " + operations.stream().map(op -> op.method() + " " + op.template())
                .filter(name -> !accepted.containsKey(name)).toList());
        report.add("  503 from an unavailable dependency: " + unavailable.size()
                + (unavailable.isEmpty() ? "" : " (" + new TreeSet<>(unavailable) + ")"));
        report.add("  refused by the HTTP layer without a body (request line or headers too long): " + transport.size()
                + (transport.isEmpty() ? "" : " (" + new TreeSet<>(transport) + ")"));
        report.add("  findings: " + findings.size());
        findings.forEach(f -> report.add("  " + f));
        Files.write(Path.of("target", "fuzz-findings.txt"), report);
        if (log != null) {
            Files.write(Path.of("target", "fuzz-requests.txt"), log);
        }
        report.stream().limit(report.size() - findings.size() + Math.min(findings.size(), 1000)).forEach(System.out::println);
        if (findings.size() > 1000) {
            System.out.println("  … all " + findings.size() + " findings: target/fuzz-findings.txt");
        }
        assertTrue(sent >= requests, "sent " + sent + " of " + requests + " requests");
        if (!findings.isEmpty()) {
            fail(findings.size() + " findings (target/fuzz-findings.txt), the first: " + findings.get(0));
        }
    }

    /** What every answer must satisfy, whoever asks and whatever they send. */
    void check(Operation op, FuzzCase request, Answer answer, List<Finding> findings, List<String> unavailable,
               List<String> transport) {
        int status = answer.status();
        if (status == 503 && answer.isProblem() && op.template().equals("/api/people")) {
            unavailable.add(request.operation());
            return;
        }
        if (status >= 500) {
            findings.add(new Finding("server error", request, answer, null));
            return;
        }
        if (status < 400) {
            return;
        }
        if ((status == 414 || status == 431) && (answer.body() == null || answer.body().isEmpty())) {
            // Vert.x refuses a request line over 4096 bytes or headers over 8 KB before any application
            // code runs, with no body and no hook to give it one; counted, not a finding.
            transport.add(status + " " + request.operation());
            return;
        }
        if (isPage(op) && answer.contentType() != null && answer.contentType().startsWith("text/html")) {
            // A public page for browsers answers its 404 as a page (FactCheckPage); it still names no Java.
            leaks(request, answer, findings);
            return;
        }
        if (!answer.isProblem()) {
            findings.add(new Finding("4xx without a problem", request, answer, null));
            return;
        }
        try {
            JsonNode problem = json.readTree(answer.body());
            if (problem.path("status").asInt() != status || !problem.path("title").isTextual()
                    || problem.path("title").asText().isBlank()) {
                findings.add(new Finding("problem without status or title", request, answer, null));
            }
        } catch (IOException e) {
            findings.add(new Finding("problem that is not JSON", request, answer, null));
            return;
        }
        leaks(request, answer, findings);
    }

    static void leaks(FuzzCase request, Answer answer, List<Finding> findings) {
        var leak = JAVA_LEAK.matcher(answer.body());
        if (leak.find()) {
            findings.add(new Finding("answer names Java internals", request, answer, "'" + leak.group() + "'"));
        }
    }

    /** An operation documented to answer only HTML: a page of the public site, not an API resource. */
    static boolean isPage(Operation op) {
        TreeSet<String> types = new TreeSet<>();
        op.node().path("responses").forEach(r -> r.path("content").fieldNames().forEachRemaining(types::add));
        return !types.isEmpty() && types.stream().allMatch(t -> t.startsWith("text/html"));
    }

    /**
     * Sends the request; once more on a fresh connection if the first attempt got no answer at all,
     * which happens when it went out on a kept-alive connection that the server was closing (Vert.x
     * closes the connection after its own 414).
     */
    Answer sendOrRetry(FuzzCase request) throws IOException, InterruptedException {
        try {
            return send(request);
        } catch (IOException e) {
            return send(request);
        }
    }

    Answer send(FuzzCase request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        if (request.token() != null) {
            builder.header("Authorization", request.token());
        }
        HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        try (InputStream body = response.body()) {
            // A stream of server-sent events never ends: its status and type are all the check needs.
            if (contentType != null && contentType.startsWith("text/event-stream")) {
                return new Answer(response.statusCode(), contentType, null);
            }
            return new Answer(response.statusCode(), contentType, new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Anonymous and every role once, then the roles the document allows twice more: refusals by role
     * are cheap and the same each time, while an allowed caller reaches the body's handling.
     */
    static List<String> callers(Operation op) {
        List<String> callers = new ArrayList<>(CALLERS);
        for (int i = 0; i < 2; i++) {
            op.roles().stream().filter(CALLERS::contains).forEach(callers::add);
        }
        return callers;
    }

    static String currentDatabase(Connection db) throws java.sql.SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A seed per case, so that a case's request does not depend on how many random numbers earlier ones drew. */
    static long mix(long seed, int operation, int round) {
        long h = seed * 0x9E3779B97F4A7C15L + operation * 0xC2B2AE3D27D4EB4FL + round * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 33);
    }
}
