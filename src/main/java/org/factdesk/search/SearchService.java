package org.factdesk.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.common.Counts;
import org.factdesk.common.Like;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.common.Rows;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Search across claims, tickets, articles and prior reviews: one SQL query, a UNION ALL of one
 * branch per kind, each a case-insensitive containment match (so {@code %} and {@code _} match
 * themselves) that the trigram indexes of migrations V1 and V13 answer. Each column looks up in its
 * index only the query's words that are rare there ({@link CommonWords}) and checks the whole query
 * against the rows found. Hits come newest first. A query needs {@value #QUERY_MIN} characters or more
 * (fewer give the trigram indexes nothing to look up), unless it is a ticket number ({@code 42} or
 * {@code #42}).
 */
@ApplicationScoped
@Transactional
public class SearchService {

    /** Titles and snippets are cut to this many characters. */
    public static final int TEXT_MAX = 300;

    /** The shortest query, but for a ticket number. */
    public static final int QUERY_MIN = 3;

    private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");

    /**
     * A kind's branch: what a hit shows, what a count reads (the id alone, so that a join only the hit needs is
     * left out), and where its hits come from, with {@code %s} for its columns' matches.
     */
    private record Branch(String hit, String id, String from, List<Column> columns) {
    }

    private static final Branch CLAIMS = new Branch("""
            'CLAIM' AS kind, c.id, t.id AS ticket_id, t.status, left(c.text, %1$d) AS title,
                   left(c.claimant, %1$d) AS snippet, c.updated_at AS at""", "c.id", """
            FROM claim c LEFT JOIN ticket t ON t.claim_id = c.id
            WHERE %s""", List.of(new Column("claim", "text", "c"), new Column("claim", "claimant", "c")));

    private static final Branch TICKETS = new Branch("""
            'TICKET' AS kind, t.id, t.id AS ticket_id, t.status, left(c.text, %1$d) AS title,
                   left((SELECT v.headline FROM verdict_version v WHERE v.ticket_id = t.id
                         ORDER BY v.number DESC NULLS FIRST LIMIT 1), %1$d) AS snippet, t.updated_at AS at""", "t.id", """
            FROM ticket t JOIN claim c ON c.id = t.claim_id
            WHERE t.id IN (SELECT v.ticket_id FROM verdict_version v WHERE %s
                           UNION ALL SELECT CAST(? AS bigint))""",
            List.of(new Column("verdict_version", "headline", "v"), new Column("verdict_version", "summary", "v")));

    private static final Branch ARTICLES = new Branch("""
            'ARTICLE' AS kind, a.id, CAST(NULL AS bigint) AS ticket_id, CAST(NULL AS text) AS status,
                   left(coalesce(a.title, a.url), %1$d) AS title, left(a.outlet, %1$d) AS snippet, a.created_at AS at""",
            "a.id", """
            FROM article a
            WHERE %s""", List.of(new Column("article", "title", "a"), new Column("article", "outlet", "a"),
            new Column("article", "url", "a")));

    private static final Branch PRIOR_REVIEWS = new Branch("""
            'PRIOR_REVIEW' AS kind, r.id, CAST(NULL AS bigint) AS ticket_id, CAST(NULL AS text) AS status,
                   left(r.claim_text, %1$d) AS title, left(r.publisher, %1$d) AS snippet, r.imported_at AS at""",
            "r.id", """
            FROM prior_review r
            WHERE %s""", List.of(new Column("prior_review", "claim_text", "r"), new Column("prior_review", "claimant", "r"),
            new Column("prior_review", "publisher", "r")));

    /** A searched column: the table and column PostgreSQL knows it by, and the alias its branch reads it through. */
    record Column(String table, String name, String alias) {

        /**
         * The column contains {@code query}: through its index, the query's {@code rare} words, then the whole
         * query checked on each row found (ILIKE lower-cases both sides in a UTF-8 database: strpos of the lower
         * cases is the same match, and one the index is not asked for); or the whole query through the index.
         */
        String contains(String query, List<String> rare, List<Object> params) {
            String expression = alias + "." + name;
            if (rare.isEmpty()) {
                params.add(Like.containing(query));
                return expression + " ILIKE ?" + Like.ESCAPE;
            }
            StringBuilder sql = new StringBuilder("(");
            for (String word : rare) {
                params.add(Like.containing(word));
                sql.append(expression).append(" ILIKE ?").append(Like.ESCAPE).append(" AND ");
            }
            params.add(query);
            return sql.append("strpos(lower(").append(expression).append("), lower(?)) > 0)").toString();
        }
    }

    /** Totals of searches are exact up to this many hits (a search's reader wants its first pages, not a census). */
    static final int EXACT_UP_TO = 1_000;

    @Inject
    CommonWords commonWords;

    /** Hits of every kind, or of one, newest first. */
    public Page<SearchHitView> search(String query, String kindName, PageRequest page) {
        String q = query == null ? "" : query.strip();
        Matcher number = TICKET_NUMBER.matcher(q);
        Long ticketNumber = number.matches() ? parse(number.group(1)) : null;
        if (q.length() < QUERY_MIN && ticketNumber == null) {
            throw Problems.badRequest("Parameter 'q' needs at least " + QUERY_MIN
                    + " characters (or a ticket number such as #42).");
        }
        // Planned for this query's words each time: a plan kept for the statement (PostgreSQL's generic plan, chosen
        // after five runs of the same text) walks the newest claims filtering each, right for a common word and a
        // scan of every claim for a rare one.
        Rows.text("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)", List.of()); // this transaction only
        Hits hits = hits(kind(kindName), q, ticketNumber, column -> commonWords.rare(column.table(), column.name(), q));
        List<Object> pageParams = new ArrayList<>(hits.newestParams(page.offset() + page.size + 1));
        pageParams.add(page.size + 1); // one more says whether the page ends the hits, and with them the count
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
        Counts.Total total = Counts.ofPage(hits.idsSql(), hits.params(), page, items.size(), EXACT_UP_TO);
        return Page.of(items.size() > page.size ? items.subList(0, page.size) : items, total, page);
    }

    /** The hits' branches (one a kind, without order or limit), as hits and as ids, and the parameters of each. */
    record Hits(List<String> hitBranches, List<String> idBranches, List<List<Object>> branchParams) {

        /** The id of every hit: what a count reads. */
        String idsSql() {
            return String.join("\nUNION ALL\n", idBranches);
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
            return hitBranches.stream().map(branch -> "(" + branch + "\nORDER BY at DESC, id DESC LIMIT ?)")
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

    /**
     * The hits of one kind (or of all when {@code kind} is null) containing {@code query} and, for tickets, of a
     * number; {@code rare} gives the words of the query each column looks up in its index.
     */
    static Hits hits(SearchKind kind, String query, Long ticketNumber, Function<Column, List<String>> rare) {
        Hits hits = new Hits(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (kind == null || kind == SearchKind.CLAIM) {
            add(CLAIMS, query, rare, hits);
        }
        if (kind == null || kind == SearchKind.TICKET) {
            add(TICKETS, query, rare, hits);
            hits.branchParams().get(hits.branchParams().size() - 1).add(ticketNumber); // the number may be null
        }
        if (kind == null || kind == SearchKind.ARTICLE) {
            add(ARTICLES, query, rare, hits);
        }
        if (kind == null || kind == SearchKind.PRIOR_REVIEW) {
            add(PRIOR_REVIEWS, query, rare, hits);
        }
        return hits;
    }

    /** A kind's branch: its columns' matches ORed into it, their parameters in order. */
    private static void add(Branch branch, String query, Function<Column, List<String>> rare, Hits hits) {
        List<Object> params = new ArrayList<>();
        List<List<String>> words = branch.columns().stream().map(rare).toList();
        String matches = IntStream.range(0, words.size())
                .mapToObj(i -> branch.columns().get(i).contains(query, words.get(i), params))
                .collect(Collectors.joining(" OR "));
        String from = branch.from().formatted(matches);
        String hit = "SELECT " + branch.hit().formatted(TEXT_MAX) + "\n" + from;
        // Looked up by rare words in every column, the kind has few hits (under 1 % of its rows by the sample): all of
        // them are read through the indexes and sorted. Otherwise the planner may walk the newest rows filtering each
        // (OFFSET 0 keeps it from planning this branch for the page's few rows), and hits cluster in time: "claim 123"
        // walked 115,000 claims for 20 hits (227 ms) at a million claims.
        boolean fewHits = words.stream().noneMatch(List::isEmpty);
        hits.hitBranches().add(fewHits ? "SELECT * FROM (" + hit + "\nOFFSET 0) few" : hit);
        hits.idBranches().add("SELECT " + branch.id() + "\n" + from);
        hits.branchParams().add(params);
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
