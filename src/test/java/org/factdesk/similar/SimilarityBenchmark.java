package org.factdesk.similar;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.db.EmbeddedDatabase;
import org.factdesk.meaning.SentenceEmbeddings;
import org.factdesk.meaning.VectorIndex;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast "has anyone checked this already?" is with 100,000 claims and 100,000 imported reviews:
 * seeds an embedded PostgreSQL (migrated by the project's Flyway scripts) with sentences recombined
 * from a corpus of real English (ClaimBuster's, read from its path, never copied),
 * then runs the very statements {@link SimilarityService} runs, for near-repeats of stored claims
 * and for new text, and prints latency percentiles and how often the repeat was found first.
 * <p>
 * Run: {@code ./mvnw -q -Pbench-similarity process-test-classes} (options: {@code -Dbench.corpus=path/to/train.jsonl -Dbench.rows=… -Dbench.queries=…}).
 */
public final class SimilarityBenchmark {

    private static final Random RANDOM = new Random(42);

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        int queries = Integer.getInteger("bench.queries", 300);
        Path corpusPath = Path.of(System.getProperty("bench.corpus", "../shared/datasets/claimbuster/train.jsonl"));
        if (!Files.isReadable(corpusPath)) {
            throw new IllegalArgumentException("No corpus of English sentences at " + corpusPath.toAbsolutePath()
                    + "; pass one (JSON lines with a \"text\" field) as -Dbench.corpus=…");
        }
        List<String> corpus = corpus(corpusPath);
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres")) {
            Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "postgres").locations("classpath:db/migration").load().migrate();
            List<String> claims = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                claims.add(sentence(corpus));
            }
            long seedStart = System.nanoTime();
            seed(c, claims, corpus);
            System.out.printf("seeded %,d claims + tickets and %,d prior reviews in %.1f s%n", rows, rows,
                    (System.nanoTime() - seedStart) / 1e9);

            long embedStart = System.nanoTime();
            storeEmbeddings(c, "claim", rows);
            storeEmbeddings(c, "prior_review", rows);
            long loadStart = System.nanoTime();
            VectorIndex claimIndex = load(c, "claim");
            VectorIndex reviewIndex = load(c, "prior_review");
            System.out.printf("stored %,d + %,d embeddings (random unit vectors: the scan reads them all whatever they"
                    + " hold) in %.1f s; a fresh replica reads them into its index in %.1f s%n", rows, rows,
                    (loadStart - embedStart) / 1e9, (System.nanoTime() - loadStart) / 1e9);
            double[] meaningMs = new double[queries];
            for (int i = 0; i < queries; i++) {
                String text = i % 2 == 0 ? reword(claims.get(RANDOM.nextInt(rows)), corpus) : sentence(corpus);
                long start = System.nanoTime();
                runByMeaning(c, text, claimIndex, reviewIndex);
                meaningMs[i] = (System.nanoTime() - start) / 1e6;
            }

            double[] repeatMs = new double[queries];
            double[] newMs = new double[queries];
            int foundFirst = 0;
            for (int i = 0; i < queries; i++) {
                int target = RANDOM.nextInt(rows);
                String repeat = reword(claims.get(target), corpus);
                long start = System.nanoTime();
                long firstId = run(c, repeat);
                repeatMs[i] = (System.nanoTime() - start) / 1e6;
                if (firstId == target + 1) {
                    foundFirst++;
                }
                start = System.nanoTime();
                run(c, sentence(corpus));
                newMs[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.printf("PostgreSQL %s, similarity threshold 0.3, %d queries each (claims + prior reviews, 2 statements)%n",
                    scalar(c, "SHOW server_version"), queries);
            report("near-repeat of a stored claim", repeatMs);
            report("new text", newMs);
            report("whole search, meaning and words", meaningMs);
            System.out.println("  (the query embedded, both indexes scanned, the nearest read back by id, then the word"
                    + " statements above; half near-repeats, half new text)");
            System.out.printf("near-repeat ranked first: %d of %d (%.1f%%)%n", foundFirst, queries, 100.0 * foundFirst / queries);
        }
    }

    /** Runs both statements in one transaction, as the service does; answers the best claim's id. */
    private static long run(Connection c, String text) throws SQLException {
        c.setAutoCommit(false);
        Map<String, Object> values = Map.of("q", text, "threshold", 0.3, "exclude", -1L, "limit", 5);
        long best = -1;
        try (PreparedStatement claims = prepare(c, SimilarityService.CLAIMS_SQL, values); ResultSet r = claims.executeQuery()) {
            if (r.next()) {
                best = r.getLong(1);
            }
        }
        try (PreparedStatement reviews = prepare(c, SimilarityService.REVIEWS_SQL, values)) {
            reviews.executeQuery().close();
        }
        c.commit();
        return best;
    }

    /** What {@link SimilarityService#find} does, without HTTP: meaning first, then the word statements. */
    private static void runByMeaning(Connection c, String text, VectorIndex claims, VectorIndex reviews) throws SQLException {
        float[] meaning = SentenceEmbeddings.embed(text);
        String claimIds = ids(claims.nearest(meaning, 5));
        String reviewIds = ids(reviews.nearest(meaning, 5));
        c.setAutoCommit(false);
        try (PreparedStatement s = prepare(c, SimilarityService.CLAIMS_BY_ID_SQL, Map.of("q", text, "ids", claimIds, "exclude", -1L))) {
            readEmbeddings(s.executeQuery(), 9);
        }
        try (PreparedStatement s = prepare(c, SimilarityService.REVIEWS_BY_ID_SQL, Map.of("q", text, "ids", reviewIds))) {
            readEmbeddings(s.executeQuery(), 9);
        }
        c.commit();
        run(c, text);
    }

    private static String ids(List<VectorIndex.Hit> hits) {
        return String.join(",", hits.stream().map(h -> Long.toString(h.key())).toList());
    }

    private static void readEmbeddings(ResultSet r, int column) throws SQLException {
        try (r) {
            while (r.next()) SentenceEmbeddings.fromBytes(r.getBytes(column));
        }
    }

    /** Random unit vectors as the stored embeddings, written as the worker writes them. */
    private static void storeEmbeddings(Connection c, String table, int rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET embedding = ?, embedding_seq = nextval('meaning_seq') WHERE id = ?")) {
            for (int id = 1; id <= rows; id++) {
                float[] v = new float[SentenceEmbeddings.DIMENSIONS];
                double norm = 0;
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) RANDOM.nextGaussian();
                    norm += v[i] * v[i];
                }
                for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(norm);
                s.setBytes(1, SentenceEmbeddings.toBytes(v));
                s.setLong(2, id);
                s.addBatch();
                if (id % 1000 == 0) s.executeBatch();
            }
            s.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** What a fresh replica's {@link MeaningIndex} reads. */
    private static VectorIndex load(Connection c, String table) throws SQLException {
        VectorIndex index = new VectorIndex(SentenceEmbeddings.DIMENSIONS);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, embedding FROM " + table + " WHERE embedding IS NOT NULL")) {
            while (r.next()) index.put(r.getLong(1), SentenceEmbeddings.fromBytes(r.getBytes(2)));
        }
        return index;
    }

    /** The service's named parameters as JDBC placeholders, bound in order of appearance. */
    static PreparedStatement prepare(Connection c, String sql, Map<String, Object> values) throws SQLException {
        Matcher names = Pattern.compile(":(q|threshold|exclude|limit|ids)\\b").matcher(sql);
        List<Object> bound = new ArrayList<>();
        while (names.find()) {
            bound.add(values.get(names.group(1)));
        }
        PreparedStatement statement = c.prepareStatement(names.replaceAll("?"));
        for (int i = 0; i < bound.size(); i++) {
            statement.setObject(i + 1, bound.get(i));
        }
        return statement;
    }

    private static void seed(Connection c, List<String> claims, List<String> corpus) throws SQLException, IOException {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder claimRows = new StringBuilder();
        StringBuilder ticketRows = new StringBuilder();
        StringBuilder reviewRows = new StringBuilder();
        for (int i = 0; i < claims.size(); i++) {
            int id = i + 1;
            claimRows.append(id).append('\t').append(claims.get(i)).append("\ten\tNORMAL\t2\t2024-01-01Z\tbench\t2024-01-01Z\n");
            ticketRows.append(id).append('\t').append(id).append('\t').append(i % 10 == 0 ? "PUBLISHED" : "OPEN")
                    .append("\t2\t2024-01-01Z\t2024-01-01Z\n");
            reviewRows.append("https://checker.example/r/").append(id).append('\t').append(sentence(corpus))
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

    /**
     * A claim-like sentence made of real English: the first half of one corpus sentence and the
     * second half of another, numbers replaced. (Made-up words give trigram and word statistics
     * unlike real text, which misleads an index benchmark.)
     */
    private static String sentence(List<String> corpus) {
        String[] a = corpus.get(RANDOM.nextInt(corpus.size())).split(" ");
        String[] b = corpus.get(RANDOM.nextInt(corpus.size())).split(" ");
        List<String> words = new ArrayList<>(Arrays.asList(a).subList(0, a.length / 2));
        words.addAll(Arrays.asList(b).subList(b.length / 2, b.length));
        words.replaceAll(w -> w.matches("[\\d,.%$]+") ? Integer.toString(1 + RANDOM.nextInt(5000)) : w);
        return String.join(" ", words);
    }

    /** The same claim as another outlet words it: attributed, a word dropped, a word changed. */
    private static String reword(String claim, List<String> corpus) {
        List<String> words = new ArrayList<>(Arrays.asList(claim.split(" ")));
        if (words.size() > 3) {
            words.remove(RANDOM.nextInt(words.size()));
            String[] other = corpus.get(RANDOM.nextInt(corpus.size())).split(" ");
            words.set(RANDOM.nextInt(words.size()), other[RANDOM.nextInt(other.length)]);
        }
        return "Officials said " + String.join(" ", words);
    }

    /** The text of every line of a JSON-lines corpus (e.g. ClaimBuster's {@code train.jsonl}); read, never stored. */
    private static List<String> corpus(Path path) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> sentences = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            String text = json.readTree(line).path("text").asText().strip().replaceAll("[\\t\\\\]", " ");
            if (text.split(" ").length >= 6) {
                sentences.add(text);
            }
        }
        return sentences;
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
