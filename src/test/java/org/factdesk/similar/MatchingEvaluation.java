package org.factdesk.similar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How well today's lexical matching finds "the same claim" on the labelled pair set
 * ({@code src/test/resources/similar/claim-pairs.jsonl}, docs/matching-evaluation.md).
 * <p>
 * Each pair's {@code a} is stored as a claim (with an open ticket) in a database of its own on the
 * PostgreSQL at 127.0.0.1:5432, migrated by the project's Flyway scripts; {@code b} is the new text.
 * The statement is {@link SimilarityService#CLAIMS_SQL} itself, run at threshold 0 so that it answers
 * every stored claim that passes its shared-lexeme condition (the {@code wanted} query) with its
 * pg_trgm similarity; a pair matches at threshold t when its claim is among them with similarity
 * &ge; t, exactly as the service decides. The threshold that maximises F1 of "same" (against related
 * and different) on the tuning half (odd ids) is chosen on a 0.005 grid (the highest of equals) and
 * scored on the test half (even ids), beside the shipped 0.3.
 * <p>
 * Run: {@code ./mvnw -q -B -o -Dquarkus.quinoa=false -Pevaluate-matching process-test-classes}
 * (options: {@code -Dmatching.server=jdbc:postgresql://127.0.0.1:5432/ -Dmatching.user=postgres
 * -Dmatching.misses=true} to list the test half's missed and false matches).
 */
public final class MatchingEvaluation {

    static final String PAIRS = "/similar/claim-pairs.jsonl";
    static final double SHIPPED_THRESHOLD = 0.3;
    static final double GRID = 0.005;

    /** One labelled pair; {@code a} is the claim on file, {@code b} the new text. */
    public record Pair(String id, String a, String b, String label, String note) {
        int number() {
            return Integer.parseInt(id.substring(1));
        }

        public boolean tuning() {
            return number() % 2 == 1;
        }

        public boolean same() {
            return "same".equals(label);
        }
    }

    /** A pair as the service sees it: does the stored claim pass the lexeme condition, and its similarity. */
    record Scored(Pair pair, boolean lexemes, double similarity) {
        boolean matches(double threshold) {
            return lexemes && similarity >= threshold;
        }
    }

    public record Counts(int tp, int fp, int fn, int tn) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format("precision %.3f  recall %.3f  F1 %.3f  (TP %d, FP %d, FN %d, TN %d)",
                    precision(), recall(), f1(), tp, fp, fn, tn);
        }
    }

    public static void main(String[] args) throws Exception {
        String server = System.getProperty("matching.server", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("matching.user", "postgres");
        String password = System.getProperty("matching.password", "");
        String database = "factdesk_matching_eval_" + ProcessHandle.current().pid();
        List<Pair> pairs = pairs();

        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        List<Scored> scored;
        Map<String, Double> trigram = new HashMap<>();
        try {
            String url = server + database;
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION pg_trgm");
            }
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                seed(c, pairs);
                scored = score(c, pairs);
                for (Pair p : pairs) trigram.put(p.id(), similarity(c, p.a(), p.b()));
                System.out.printf("PostgreSQL %s; %d pairs; statement: SimilarityService.CLAIMS_SQL (a stored, b the query)%n",
                        scalar(c, "SHOW server_version"), pairs.size());
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                 Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        report(scored);
        System.out.println();
        MeaningMatchingEvaluation.report(pairs, trigram);
    }

    static void report(List<Scored> scored) {
        List<Scored> tuning = scored.stream().filter(x -> x.pair().tuning()).toList();
        List<Scored> test = scored.stream().filter(x -> !x.pair().tuning()).toList();
        for (String half : List.of("tuning", "test")) {
            List<Scored> part = half.equals("tuning") ? tuning : test;
            System.out.printf("%-6s half: %3d pairs: %3d same, %3d related, %3d different%n", half, part.size(),
                    count(part, x -> x.pair().same()), count(part, x -> x.pair().label().equals("related")),
                    count(part, x -> x.pair().label().equals("different")));
        }

        double best = 0, bestF1 = -1;
        for (int i = 0; i * GRID <= 1.0 + 1e-9; i++) {
            double t = Math.round(i * GRID * 1000) / 1000.0;
            double f1 = counts(tuning, t).f1();
            if (f1 >= bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        System.out.println();
        System.out.printf("threshold chosen on the tuning half (max F1, grid %.3f): %.3f%n", GRID, best);
        System.out.printf("  tuning half at %.3f:  %s%n", best, counts(tuning, best));
        System.out.printf("  tuning half at %.3f:  %s%n", SHIPPED_THRESHOLD, counts(tuning, SHIPPED_THRESHOLD));
        System.out.println();
        System.out.println("\"same claim\" vs related + different, TEST half (even ids):");
        System.out.printf("  chosen %.3f:          %s%n", best, counts(test, best));
        System.out.printf("  shipped %.3f:         %s%n", SHIPPED_THRESHOLD, counts(test, SHIPPED_THRESHOLD));
        System.out.printf("  lexeme condition only: %s%n", counts(test, 0.0));
        System.out.println();
        System.out.println("the shared-lexeme condition alone (the wanted query; no similarity bar):");
        for (String label : List.of("same", "related", "different")) {
            System.out.printf("  %-9s passes: test %3d of %3d, tuning %3d of %3d, all %3d of %3d%n", label,
                    count(test, x -> x.pair().label().equals(label) && x.lexemes()), count(test, x -> x.pair().label().equals(label)),
                    count(tuning, x -> x.pair().label().equals(label) && x.lexemes()), count(tuning, x -> x.pair().label().equals(label)),
                    count(scored, x -> x.pair().label().equals(label) && x.lexemes()), count(scored, x -> x.pair().label().equals(label)));
        }
        System.out.println();
        System.out.println("matches by label, test half (chosen / shipped):");
        for (String label : List.of("same", "related", "different")) {
            final double chosen = best;
            System.out.printf("  %-9s %3d / %3d of %3d%n", label,
                    count(test, x -> x.pair().label().equals(label) && x.matches(chosen)),
                    count(test, x -> x.pair().label().equals(label) && x.matches(SHIPPED_THRESHOLD)),
                    count(test, x -> x.pair().label().equals(label)));
        }
        System.out.println();
        System.out.println("median trigram similarity by label (all pairs): "
                + String.join(", ", List.of("same", "related", "different").stream()
                .map(l -> String.format("%s %.3f", l, median(scored.stream().filter(x -> x.pair().label().equals(l))
                        .mapToDouble(Scored::similarity).toArray()))).toList()));
        if (Boolean.getBoolean("matching.misses")) {
            final double chosen = best;
            System.out.println();
            System.out.printf("test half at %.3f, missed \"same\" and matched others:%n", chosen);
            for (Scored x : test) {
                if (x.pair().same() != x.matches(chosen)) {
                    System.out.printf("  %s %-9s lexemes %-5s sim %.3f  %s | %s%n", x.pair().id(), x.pair().label(),
                            x.lexemes(), x.similarity(), x.pair().a(), x.pair().b());
                }
            }
        }
    }

    static Counts counts(List<Scored> part, double threshold) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (Scored x : part) {
            boolean match = x.matches(threshold);
            if (x.pair().same()) {
                if (match) tp++; else fn++;
            } else {
                if (match) fp++; else tn++;
            }
        }
        return new Counts(tp, fp, fn, tn);
    }

    private static int count(List<Scored> part, Predicate<Scored> p) {
        return (int) part.stream().filter(p).count();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static List<Pair> pairs() {
        return pairs(PAIRS);
    }

    /** A pair set from the test resources, in file order. */
    public static List<Pair> pairs(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = MatchingEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the test class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                pairs.add(new Pair(text(n, "id", number, resource), text(n, "a", number, resource),
                        text(n, "b", number, resource), text(n, "label", number, resource), n.path("note").asText(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }

    private static String text(JsonNode n, String field, int line, String resource) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(resource + " line " + line + ": no text field \"" + field + "\"");
        }
        return v.asText();
    }

    /** Claim i + 1 (and its open ticket) holds pair i's {@code a}. */
    private static void seed(Connection c, List<Pair> pairs) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement("INSERT INTO claim (id, text, language, priority, priority_rank, "
                + "created_at, created_by, updated_at) VALUES (?, ?, 'en', 'NORMAL', 2, now(), 'evaluation', now())");
             PreparedStatement ticket = c.prepareStatement("INSERT INTO ticket (id, claim_id, status, priority_rank, "
                     + "created_at, updated_at) VALUES (?, ?, 'OPEN', 2, now(), now())")) {
            for (int i = 0; i < pairs.size(); i++) {
                claim.setLong(1, i + 1);
                claim.setString(2, pairs.get(i).a());
                claim.addBatch();
                ticket.setLong(1, i + 1);
                ticket.setLong(2, i + 1);
                ticket.addBatch();
            }
            claim.executeBatch();
            ticket.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /**
     * Runs the service's statement for each pair's {@code b} at threshold 0 (every claim passing the
     * lexeme condition comes back with its similarity) and looks for the pair's own claim among them.
     */
    private static List<Scored> score(Connection c, List<Pair> pairs) throws SQLException {
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            Map<String, Object> values = Map.of("q", p.b(), "threshold", 0.0, "exclude", -1L, "limit", pairs.size() + 1);
            Map<Long, Double> returned = new HashMap<>();
            try (PreparedStatement claims = SimilarityBenchmark.prepare(c, SimilarityService.CLAIMS_SQL, values); ResultSet r = claims.executeQuery()) {
                while (r.next()) {
                    returned.put(r.getLong(1), r.getDouble("s"));
                }
            }
            Double s = returned.get((long) i + 1);
            double similarity = s != null ? s : similarity(c, p.a(), p.b());
            scored.add(new Scored(p, s != null, similarity));
        }
        return scored;
    }

    private static double similarity(Connection c, String a, String b) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT similarity(?, ?)")) {
            s.setString(1, a);
            s.setString(2, b);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getDouble(1);
            }
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
