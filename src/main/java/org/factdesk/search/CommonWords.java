package org.factdesk.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.factdesk.common.Rows;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which words of a search are rare enough in a column to look up in its trigram index.
 *
 * <p>A trigram index answers "contains q" by reading the row list of each of q's trigrams, whole: the
 * list of a trigram every row has (the "cla" of a desk whose claims all say "claim") holds every row,
 * so "claim 4711" read about 1,600 index pages at a million claims (35 ms) where "4711" alone read 9
 * (under 2 ms). A search therefore looks up only its rare words ({@link #rare}) and checks the whole
 * text against each row found, which is the same set of rows: a row containing q contains each of
 * q's words.
 *
 * <p>How common a word is comes from PostgreSQL's own sample of the column ({@code pg_stats}: its most
 * common values and histogram, kept by ANALYZE and autovacuum; the planner estimates a LIKE from the
 * same sample), read again every {@link #FRESH_FOR}. A column without statistics yet (a new or small
 * table) has every word rare: looking up all of them is then as cheap as it is correct.
 */
@ApplicationScoped
public class CommonWords {

    /** A word found in at least this share of a column's sampled values is common (a sample of ~100 values can tell no finer). */
    static final double COMMON = 0.01;

    /** Shorter words have no trigram of their own to look up. */
    static final int WORD_MIN = 3;

    /** At most this many words are looked up per column, the longest first (each adds an index lookup). */
    static final int WORDS_MAX = 4;

    static final Duration FRESH_FOR = Duration.ofMinutes(10);

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A column's sampled values: the most common ones with their shares, and the histogram's (equally likely) bounds. */
    record Sample(double nullShare, List<String> commonValues, List<Double> commonShares, List<String> histogram) {

        static final Sample NONE = new Sample(0, List.of(), List.of(), List.of());

        /** The estimated share of the column's rows that contain {@code word} (lower case). */
        double share(String word) {
            double share = 0;
            double inCommon = 0;
            for (int i = 0; i < commonValues.size(); i++) {
                inCommon += commonShares.get(i);
                if (commonValues.get(i).contains(word)) {
                    share += commonShares.get(i);
                }
            }
            if (!histogram.isEmpty()) {
                long found = histogram.stream().filter(value -> value.contains(word)).count();
                share += (1 - nullShare - inCommon) * found / histogram.size();
            }
            return share;
        }
    }

    private record Read(Sample sample, Instant at) {
    }

    private final Map<String, Read> samples = new ConcurrentHashMap<>();

    /**
     * The words of {@code query} to look up in the index of {@code table.column}: its words of
     * {@value #WORD_MIN} characters or more that are not common there, longest first; none when every
     * word is common or too short (then the whole query is looked up).
     */
    public List<String> rare(String table, String column, String query) {
        return rare(sample(table, column), query);
    }

    static List<String> rare(Sample sample, String query) {
        return Arrays.stream(NOT_WORD.split(query))
                .filter(word -> word.length() >= WORD_MIN)
                .distinct()
                .filter(word -> sample.share(word.toLowerCase(Locale.ROOT)) < COMMON)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(WORDS_MAX)
                .toList();
    }

    /** Forgets the samples read, so that the next search reads them again (after an ANALYZE, in tests). */
    void forget() {
        samples.clear();
    }

    private Sample sample(String table, String column) {
        String key = table + "." + column;
        Read known = samples.get(key);
        if (known == null || known.at().plus(FRESH_FOR).isBefore(Instant.now())) {
            known = new Read(read(table, column), Instant.now());
            samples.put(key, known);
        }
        return known.sample();
    }

    /** The column's sample (a catalog read of a few hundred values), or none before its first ANALYZE. */
    private static Sample read(String table, String column) {
        return Rows.query("""
                SELECT null_frac, most_common_vals::text::text[], most_common_freqs, histogram_bounds::text::text[]
                FROM pg_stats WHERE schemaname = current_schema() AND tablename = ? AND attname = ?""",
                List.of(table, column), rows -> rows.next()
                        ? new Sample(rows.getDouble(1), lowerCase(rows.getArray(2)), shares(rows.getArray(3)),
                                lowerCase(rows.getArray(4)))
                        : Sample.NONE);
    }

    private static List<String> lowerCase(Array values) throws SQLException {
        if (values == null) {
            return List.of();
        }
        List<String> lower = new ArrayList<>();
        for (Object value : (Object[]) values.getArray()) {
            lower.add(value == null ? "" : value.toString().toLowerCase(Locale.ROOT));
        }
        return lower;
    }

    private static List<Double> shares(Array values) throws SQLException {
        if (values == null) {
            return List.of();
        }
        List<Double> shares = new ArrayList<>();
        for (Object value : (Object[]) values.getArray()) {
            shares.add(((Number) value).doubleValue());
        }
        return shares;
    }
}
