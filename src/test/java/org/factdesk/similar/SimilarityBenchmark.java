package org.factdesk.similar;

import org.factdesk.db.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How fast "has anyone checked this already?" is with 100,000 claims and 100,000 imported reviews:
 * seeds an embedded PostgreSQL (migrated by the project's Flyway scripts) with generated sentences,
 * then runs the very statements {@link SimilarityService} runs, for near-repeats of stored claims
 * and for new text, and prints latency percentiles and how often the repeat was found first.
 * <p>
 * Run: {@code ./mvnw -q -Pbench-similarity -DskipTests package} (optionally {@code -Dbench.rows=100000}).
 */
public final class SimilarityBenchmark {

    private static final Random RANDOM = new Random(42);

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        int queries = Integer.getInteger("bench.queries", 300);
        List<String> vocabulary = vocabulary();
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
             Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "postgres").locations("classpath:db/migration").load().migrate();
            List<String> claims = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                claims.add(sentence(vocabulary));
            }
            long seedStart = System.nanoTime();
            seed(c, claims, vocabulary);
            System.out.printf("seeded %,d claims + tickets and %,d prior reviews in %.1f s%n", rows, rows,
                    (System.nanoTime() - seedStart) / 1e9);

            double[] repeatMs = new double[queries];
            double[] newMs = new double[queries];
            int foundFirst = 0;
            for (int i = 0; i < queries; i++) {
                int target = RANDOM.nextInt(rows);
                String repeat = reword(claims.get(target), vocabulary);
                long start = System.nanoTime();
                long firstId = run(c, repeat);
                repeatMs[i] = (System.nanoTime() - start) / 1e6;
                if (firstId == target + 1) {
                    foundFirst++;
                }
                start = System.nanoTime();
                run(c, sentence(vocabulary));
                newMs[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.printf("PostgreSQL %s, pg_trgm threshold 0.3, %d queries each (claims + prior reviews, 2 statements)%n",
                    scalar(c, "SHOW server_version"), queries);
            report("near-repeat of a stored claim", repeatMs);
            report("new text", newMs);
            System.out.printf("near-repeat ranked first: %d of %d (%.1f%%)%n", foundFirst, queries, 100.0 * foundFirst / queries);
        }
    }

    /** Runs both statements in one transaction, as the service does; answers the best claim's id. */
    private static long run(Connection c, String text) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT set_config('pg_trgm.similarity_threshold', '0.3', true)");
        }
        long best = -1;
        try (PreparedStatement claims = c.prepareStatement(jdbc(SimilarityService.CLAIMS_SQL))) {
            claims.setString(1, text);
            claims.setString(2, text);
            claims.setLong(3, -1L);
            claims.setInt(4, 5);
            try (ResultSet r = claims.executeQuery()) {
                if (r.next()) {
                    best = r.getLong(1);
                }
            }
        }
        try (PreparedStatement reviews = c.prepareStatement(jdbc(SimilarityService.REVIEWS_SQL))) {
            reviews.setString(1, text);
            reviews.setString(2, text);
            reviews.setInt(3, 5);
            reviews.executeQuery().close();
        }
        c.commit();
        return best;
    }

    /** The service's named parameters as JDBC placeholders, in order of appearance. */
    private static String jdbc(String sql) {
        return sql.replaceAll(":(q|exclude|limit)\\b", "?");
    }

    private static void seed(Connection c, List<String> claims, List<String> vocabulary) throws SQLException, IOException {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder claimRows = new StringBuilder();
        StringBuilder ticketRows = new StringBuilder();
        StringBuilder reviewRows = new StringBuilder();
        for (int i = 0; i < claims.size(); i++) {
            int id = i + 1;
            claimRows.append(id).append('\t').append(claims.get(i)).append("\ten\tNORMAL\t2\t2024-01-01Z\tbench\t2024-01-01Z\n");
            ticketRows.append(id).append('\t').append(id).append('\t').append(i % 10 == 0 ? "PUBLISHED" : "OPEN")
                    .append("\t2\t2024-01-01Z\t2024-01-01Z\n");
            reviewRows.append("https://checker.example/r/").append(id).append('\t').append(sentence(vocabulary))
                    .append("\tFalse\tChecker\tbench\t2024-01-01Z\tbench\n");
        }
        copy.copyIn("COPY claim (id, text, language, priority, priority_rank, created_at, created_by, updated_at) FROM STDIN",
                new StringReader(claimRows.toString()));
        copy.copyIn("COPY ticket (id, claim_id, status, priority_rank, created_at, updated_at) FROM STDIN",
                new StringReader(ticketRows.toString()));
        copy.copyIn("COPY prior_review (review_url, claim_text, rating, publisher, source, imported_at, imported_by) FROM STDIN",
                new StringReader(reviewRows.toString()));
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** A claim-like sentence: 10–24 words, with numbers and names, Zipf-distributed vocabulary. */
    private static String sentence(List<String> vocabulary) {
        int words = 10 + RANDOM.nextInt(15);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                s.append(' ');
            }
            if (RANDOM.nextInt(12) == 0) {
                s.append(RANDOM.nextInt(2000));
            } else {
                // Zipf-like: index ~ vocabulary size ^ uniform
                s.append(vocabulary.get((int) Math.pow(vocabulary.size(), RANDOM.nextDouble()) - 1));
            }
        }
        return s.append('.').toString();
    }

    /** The same claim as another outlet words it: a few words dropped, swapped or added. */
    private static String reword(String claim, List<String> vocabulary) {
        List<String> words = new ArrayList<>(Arrays.asList(claim.substring(0, claim.length() - 1).split(" ")));
        words.remove(RANDOM.nextInt(words.size()));
        words.set(RANDOM.nextInt(words.size()), vocabulary.get(RANDOM.nextInt(200)));
        words.add(0, "Officials said");
        return String.join(" ", words) + '.';
    }

    /** The sample article's words (the common ones first) plus made-up names for the long tail. */
    private static List<String> vocabulary() throws IOException {
        List<String> words = new ArrayList<>();
        try (InputStream in = SimilarityBenchmark.class.getResourceAsStream("/demo/sample-article.txt")) {
            for (String w : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("[^\\p{L}]+")) {
                if (w.length() > 1 && !words.contains(w.toLowerCase())) {
                    words.add(w.toLowerCase());
                }
            }
        }
        String[] syllables = {"ka", "lo", "mi", "ren", "sta", "vor", "el", "dun", "bra", "tis", "qua", "nor"};
        for (int i = 0; i < 20_000; i++) {
            words.add(syllables[RANDOM.nextInt(12)] + syllables[RANDOM.nextInt(12)] + syllables[RANDOM.nextInt(12)]);
        }
        return words;
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("%-32s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[(int) (sorted.length * 0.99)],
                sorted[sorted.length - 1]);
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
