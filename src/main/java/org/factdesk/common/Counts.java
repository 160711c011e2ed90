package org.factdesk.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;

/**
 * The {@code total} of a long list, at a cost that does not grow with the list: counted exactly up
 * to {@value #EXACT_UP_TO} rows (or a bound the list chooses), estimated above.
 *
 * <p>The exact part counts a subquery cut at {@code EXACT_UP_TO + 1} rows, so it reads at most that
 * many index entries. Above, the estimate is the planner's row estimate for the same query
 * ({@code EXPLAIN (FORMAT JSON)}, planned but not run: well under a millisecond). It is chosen over
 * {@code pg_class.reltuples} because reltuples counts the whole table, and scaling it to a filter
 * (a status, a topic, a search) needs exactly the selectivities the planner already derives from
 * the same statistics (ANALYZE, autovacuum). It is never shown below {@code EXACT_UP_TO + 1}, which
 * the capped count proved.
 */
public final class Counts {

    /** Totals up to this many rows are exact. */
    public static final int EXACT_UP_TO = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A list's total and whether it is exact. */
    public record Total(long value, boolean exact) {
        public static Total exact(long value) {
            return new Total(value, true);
        }
    }

    private Counts() {
    }

    /**
     * The total of a list of which one page was just read, asking for one row more than the page holds: {@code read}
     * rows came back. A page by offset (no cursor) that ends the list tells the total itself, so that a short list
     * (most tickets' histories, a search for a rare word) is not read a second time to be counted; otherwise the
     * capped count, exact up to {@code exactUpTo}.
     */
    public static Total ofPage(String rowsSql, List<Object> params, PageRequest page, int read, int exactUpTo) {
        boolean byOffset = !(page instanceof KeysetRequest keyset) || keyset.after == null;
        boolean endsTheList = read <= page.size && (read > 0 || page.offset() == 0); // an empty page past the end does not
        if (byOffset && endsTheList) {
            return Total.exact((long) page.offset() + read);
        }
        return of(rowsSql, params, exactUpTo);
    }

    /**
     * The total of the rows of {@code rowsSql} (a SELECT with {@code ?} parameters, without ORDER BY or LIMIT), exact
     * up to {@code exactUpTo} rows ({@link #EXACT_UP_TO}; a list whose rows cost more to find counts fewer).
     */
    public static Total of(String rowsSql, List<Object> params, int exactUpTo) {
        long capped = Long.parseLong(Rows.text("SELECT count(*) FROM (" + rowsSql + " LIMIT " + (exactUpTo + 1)
                + ") capped", params));
        if (capped <= exactUpTo) {
            return Total.exact(capped);
        }
        return new Total(Math.max(exactUpTo + 1, estimate(rowsSql, params)), false);
    }

    private static long estimate(String rowsSql, List<Object> params) {
        String plan = Rows.text("EXPLAIN (FORMAT JSON) " + rowsSql, params);
        try {
            JsonNode rows = JSON.readTree(plan).path(0).path("Plan").path("Plan Rows");
            return rows.isNumber() ? rows.asLong() : 0;
        } catch (IOException e) {
            return 0; // no estimate: the capped count's bound stands
        }
    }
}
