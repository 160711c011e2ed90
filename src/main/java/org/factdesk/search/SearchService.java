package org.factdesk.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.factdesk.common.Counts;
import org.factdesk.common.Like;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.common.Rows;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Search across claims, tickets, articles and prior reviews: one SQL query, a UNION ALL of one
 * branch per kind, each a case-insensitive containment match ({@link Like}, so {@code %} and
 * {@code _} match themselves) that the trigram indexes of migrations V1 and V13 answer. Hits come
 * newest first. A query needs {@value #QUERY_MIN} characters or more (fewer give the trigram
 * indexes nothing to look up), unless it is a ticket number ({@code 42} or {@code #42}).
 */
@ApplicationScoped
@Transactional
public class SearchService {

    /** Titles and snippets are cut to this many characters. */
    public static final int TEXT_MAX = 300;

    /** The shortest query, but for a ticket number. */
    public static final int QUERY_MIN = 3;

    private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");

    private static final String CLAIMS = """
            SELECT 'CLAIM' AS kind, c.id, t.id AS ticket_id, t.status, left(c.text, %1$d) AS title,
                   left(c.claimant, %1$d) AS snippet, c.updated_at AS at
            FROM claim c LEFT JOIN ticket t ON t.claim_id = c.id
            WHERE c.text ILIKE ?%2$s OR c.claimant ILIKE ?%2$s""";

    private static final String TICKETS = """
            SELECT 'TICKET' AS kind, t.id, t.id AS ticket_id, t.status, left(c.text, %1$d) AS title,
                   left((SELECT v.headline FROM verdict_version v WHERE v.ticket_id = t.id
                         ORDER BY v.number DESC NULLS FIRST LIMIT 1), %1$d) AS snippet, t.updated_at AS at
            FROM ticket t JOIN claim c ON c.id = t.claim_id
            WHERE t.id IN (SELECT v.ticket_id FROM verdict_version v WHERE v.headline ILIKE ?%2$s OR v.summary ILIKE ?%2$s
                           UNION ALL SELECT CAST(? AS bigint))""";

    private static final String ARTICLES = """
            SELECT 'ARTICLE' AS kind, a.id, CAST(NULL AS bigint) AS ticket_id, CAST(NULL AS text) AS status,
                   left(coalesce(a.title, a.url), %1$d) AS title, left(a.outlet, %1$d) AS snippet, a.created_at AS at
            FROM article a
            WHERE a.title ILIKE ?%2$s OR a.outlet ILIKE ?%2$s OR a.url ILIKE ?%2$s""";

    private static final String PRIOR_REVIEWS = """
            SELECT 'PRIOR_REVIEW' AS kind, r.id, CAST(NULL AS bigint) AS ticket_id, CAST(NULL AS text) AS status,
                   left(r.claim_text, %1$d) AS title, left(r.publisher, %1$d) AS snippet, r.imported_at AS at
            FROM prior_review r
            WHERE r.claim_text ILIKE ?%2$s OR r.claimant ILIKE ?%2$s OR r.publisher ILIKE ?%2$s""";

    /** Hits of every kind, or of one, newest first. */
    public Page<SearchHitView> search(String query, String kindName, PageRequest page) {
        String q = query == null ? "" : query.strip();
        Matcher number = TICKET_NUMBER.matcher(q);
        Long ticketNumber = number.matches() ? parse(number.group(1)) : null;
        if (q.length() < QUERY_MIN && ticketNumber == null) {
            throw Problems.badRequest("Parameter 'q' needs at least " + QUERY_MIN
                    + " characters (or a ticket number such as #42).");
        }
        Hits hits = hits(kind(kindName), Like.containing(q), ticketNumber);
        Counts.Total total = Counts.of(hits.sql(), hits.params());
        List<Object> pageParams = new ArrayList<>(hits.newestParams(page.offset() + page.size));
        pageParams.add(page.size);
        pageParams.add(page.offset());
        List<SearchHitView> items = Rows.query("SELECT * FROM (" + hits.newestSql() + ") hits ORDER BY at DESC, kind, id DESC"
                + " LIMIT ? OFFSET ?", pageParams, rows -> {
            List<SearchHitView> found = new ArrayList<>();
            while (rows.next()) {
                long ticketId = rows.getLong("ticket_id");
                Long ticket = rows.wasNull() ? null : ticketId;
                Timestamp at = rows.getTimestamp("at");
                found.add(new SearchHitView(SearchKind.valueOf(rows.getString("kind")), rows.getLong("id"),
                        ticket, rows.getString("status"),
                        rows.getString("title"), rows.getString("snippet"), at == null ? null : at.toInstant()));
            }
            return found;
        });
        return Page.of(items, total, page);
    }

    /** The hits' branches (one a kind, without order or limit) and the parameters of each. */
    record Hits(List<String> branches, List<List<Object>> branchParams) {

        /** Every hit. */
        String sql() {
            return String.join("\nUNION ALL\n", branches);
        }

        List<Object> params() {
            return branchParams.stream().flatMap(List::stream).toList();
        }

        /**
         * Each kind's newest hits only, as many as the page needs: the page is among them, and a common word's
         * branch can then be read newest first by index, stopping at the page, instead of fetching and sorting
         * every hit (a tenth of a million claims).
         */
        String newestSql() {
            return branches.stream().map(branch -> "(" + branch + "\nORDER BY at DESC, id DESC LIMIT ?)")
                    .collect(Collectors.joining("\nUNION ALL\n"));
        }

        List<Object> newestParams(int first) {
            List<Object> params = new ArrayList<>();
            for (List<Object> each : branchParams) {
                params.addAll(each);
                params.add(first);
            }
            return params;
        }
    }

    /** The hits of one kind (or of all when {@code kind} is null) for a LIKE pattern and, for tickets, a number. */
    static Hits hits(SearchKind kind, String pattern, Long ticketNumber) {
        List<String> branches = new ArrayList<>();
        List<List<Object>> params = new ArrayList<>();
        if (kind == null || kind == SearchKind.CLAIM) {
            branches.add(branch(CLAIMS));
            params.add(List.of(pattern, pattern));
        }
        if (kind == null || kind == SearchKind.TICKET) {
            branches.add(branch(TICKETS));
            params.add(Arrays.asList(pattern, pattern, ticketNumber)); // the number may be null
        }
        if (kind == null || kind == SearchKind.ARTICLE) {
            branches.add(branch(ARTICLES));
            params.add(List.of(pattern, pattern, pattern));
        }
        if (kind == null || kind == SearchKind.PRIOR_REVIEW) {
            branches.add(branch(PRIOR_REVIEWS));
            params.add(List.of(pattern, pattern, pattern));
        }
        return new Hits(branches, params);
    }

    private static String branch(String template) {
        return template.formatted(TEXT_MAX, Like.ESCAPE);
    }

    private static Long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static SearchKind kind(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return SearchKind.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Parameter 'kind' must be one of " + List.of(SearchKind.values()) + ".");
        }
    }
}
