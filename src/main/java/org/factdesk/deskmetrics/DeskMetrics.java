package org.factdesk.deskmetrics;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.factdesk.common.Counts;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.desk.DeskSettings;
import org.factdesk.deskmetrics.DeskMetricsView.BacklogDay;
import org.factdesk.deskmetrics.DeskMetricsView.Bucket;
import org.factdesk.deskmetrics.DeskMetricsView.Duration;
import org.factdesk.deskmetrics.DeskMetricsView.KeyedBucket;
import org.factdesk.deskmetrics.DeskMetricsView.Rates;
import org.factdesk.deskmetrics.DeskMetricsView.Spread;
import org.factdesk.deskmetrics.DeskMetricsView.Throughput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The desk's figures, read from the rollups the audit trail keeps up to date (migration V26: {@code ticket_timeline},
 * {@code ticket_span}, folded from each event as it is stored), for whole days in the desk's time zone. Every
 * figure is a statement here, and {@link #tickets} lists the tickets behind each.
 */
@ApplicationScoped
public class DeskMetrics {

    /** The longest period one answer covers: a year and a day. */
    public static final int MAX_DAYS = 366;
    /** Keys shown apart in each breakdown of the throughput; the rest are counted together. */
    public static final int TOP_KEYS = 10;
    public static final int MAX_KEYED_ROWS = MAX_DAYS * (TOP_KEYS + 1);

    /** Tickets first published in [:from, :to), of :person when it is not empty. */
    static final String PUBLISHED = "tl.first_published_at >= :from AND tl.first_published_at < :to"
            + " AND (:person = '' OR tl.checker = :person)";
    static final String CLAIMED = "tl.first_claimed_at >= :from AND tl.first_claimed_at < :to"
            + " AND (:person = '' OR tl.checker = :person)";

    /** Each stage's length in seconds, over the tickets it counts ({@link Duration}). */
    static final Map<String, String> STAGES = Map.of(
            "timeToClaim", "extract(epoch FROM tl.first_claimed_at - tl.opened_at)::float8",
            "inProgress", "tl.in_progress_seconds",
            "review", "tl.review_seconds",
            "toPublish", "extract(epoch FROM tl.first_published_at - tl.approved_at)::float8",
            "endToEnd", "extract(epoch FROM tl.first_published_at - tl.opened_at)::float8");
    static final List<String> STAGE_ORDER = List.of("timeToClaim", "inProgress", "review", "toPublish", "endToEnd");

    /** The key of each breakdown of the throughput, and what it joins to find it. */
    record Dimension(String key, String joins) {
    }

    static final Map<String, Dimension> DIMENSIONS = Map.of(
            "person", new Dimension("tl.checker", ""),
            "topic", new Dimension("topic", " JOIN ticket k ON k.id = tl.ticket_id JOIN claim c ON c.id = k.claim_id"
                    + " CROSS JOIN LATERAL unnest(c.topics) AS topic"),
            "rating", new Dimension("r.label", " LEFT JOIN verdict_version v ON v.ticket_id = tl.ticket_id AND v.number = 1"
                    + " LEFT JOIN rating r ON r.id = v.rating_id"),
            "language", new Dimension("c.language", " JOIN ticket k ON k.id = tl.ticket_id JOIN claim c ON c.id = k.claim_id"));

    /** Statuses of work not yet out. */
    static final String BACKLOG = "('OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED')";

    /** The whole days of a period in the desk's time zone, as the instants the statements compare with. */
    record Window(LocalDate from, LocalDate to, ZoneId zone, String person) {
        Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }

        static Window of(LocalDate from, LocalDate to, String person) {
            ZoneId zone = DeskSettings.get().zone();
            LocalDate today = LocalDate.now(zone);
            LocalDate last = to == null ? today : to;
            LocalDate first = from == null ? last.minusDays(29) : from;
            if (first.isAfter(last)) {
                throw Problems.badRequest("The period begins after it ends: 'from' must be on or before 'to'.");
            }
            if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
                throw Problems.badRequest("A period covers at most " + MAX_DAYS + " days.");
            }
            return new Window(first, last, zone, person == null ? "" : person);
        }
    }

    /** The stages' percentiles and the rates, over the tickets first published in the period. */
    static final String PUBLISHED_FIGURES = """
            SELECT count(*), %s, coalesce(sum(tl.sent_back), 0), count(*) FILTER (WHERE tl.sent_back > 0),
                   count(tl.corrected_at), count(tl.retracted_at)
            FROM ticket_timeline tl WHERE %s""".formatted(String.join(", ", STAGE_ORDER.stream().skip(1)
            .map(stage -> percentiles(STAGES.get(stage))).toList()), PUBLISHED);

    static final String CLAIMED_FIGURES = "SELECT count(*), " + percentiles(STAGES.get("timeToClaim"))
            + " FROM ticket_timeline tl WHERE " + CLAIMED;

    static final String BUCKETS = "SELECT " + bucketStart() + ", count(*) FROM ticket_timeline tl WHERE " + PUBLISHED
            + " GROUP BY 1 ORDER BY 1";

    /**
     * The backlog and the overdue at the end of each day of the period, from the spans of work not yet out that
     * go on past its start. A span counts at the end of day d when it began by then and had not ended:
     * [start < end of d] − [end < end of d] (a span ending by then began by then), each a count from one day on
     * (its local date, clamped to the period's first day), summed over the days; overdue adds the deadline passed
     * by then: from the later of the start's and the deadline's day, until the later of the end's and the deadline's.
     */
    static final String BACKLOG_DAYS = """
            WITH spans AS (
                SELECT started_at, ended_at, deadline FROM ticket_span WHERE ended_at >= :from AND status IN %1$s
                UNION ALL
                SELECT started_at, ended_at, deadline FROM ticket_span WHERE ended_at IS NULL AND status IN %1$s),
            dated AS (SELECT (started_at AT TIME ZONE :zone)::date AS began, (ended_at AT TIME ZONE :zone)::date AS ended,
                             (deadline AT TIME ZONE :zone)::date AS due FROM spans),
            moves AS (
                SELECT greatest(began, CAST(:first AS date)) AS day, 1 AS backlog, 0 AS overdue FROM dated
                UNION ALL SELECT ended, -1, 0 FROM dated WHERE ended IS NOT NULL
                UNION ALL SELECT greatest(began, due, CAST(:first AS date)), 0, 1 FROM dated WHERE due IS NOT NULL
                UNION ALL SELECT greatest(ended, due), 0, -1 FROM dated WHERE due IS NOT NULL AND ended IS NOT NULL),
            per_day AS (SELECT day, sum(backlog) AS backlog, sum(overdue) AS overdue FROM moves
                        WHERE day <= CAST(:last AS date) GROUP BY day)
            SELECT d::date, sum(coalesce(p.backlog, 0)) OVER w, sum(coalesce(p.overdue, 0)) OVER w
            FROM generate_series(CAST(:first AS timestamp), CAST(:last AS timestamp), interval '1 day') d
            LEFT JOIN per_day p ON p.day = d::date
            WINDOW w AS (ORDER BY d)
            ORDER BY d""".formatted(BACKLOG);

    static final String TIPS_PER_CLAIM = """
            SELECT count(*), coalesce(sum(n), 0), avg(n), percentile_cont(0.5) WITHIN GROUP (ORDER BY n),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY n)
            FROM (SELECT (SELECT count(*) FROM tip t JOIN tip_group g ON g.id = t.group_id WHERE g.claim_id = k.claim_id)::float8 AS n
                  FROM ticket_timeline tl JOIN ticket k ON k.id = tl.ticket_id WHERE %s) x""".formatted(PUBLISHED);

    static final String TIME_TO_ANSWER = """
            SELECT count(*), %s FROM (
                SELECT extract(epoch FROM min(a.sent_at) - t.received_at)::float8 AS s, min(a.sent_at) AS first_sent
                FROM tip_answer a JOIN tip t ON t.id = a.tip_id WHERE a.state = 'SENT' GROUP BY t.id, t.received_at) x
            WHERE first_sent >= :from AND first_sent < :to AND :person = ''""".formatted(percentiles("s"));

    /** A breakdown of the throughput by one dimension: the period's most frequent keys apart, the rest under null. */
    static String keyed(String dimension) {
        Dimension d = DIMENSIONS.get(dimension);
        return """
                WITH picked AS (SELECT %s AS start, %s AS key FROM ticket_timeline tl%s WHERE %s),
                top AS (SELECT key FROM picked WHERE key IS NOT NULL GROUP BY key ORDER BY count(*) DESC, key COLLATE "C" LIMIT %d)
                SELECT start, CASE WHEN key IN (SELECT key FROM top) THEN key END AS shown, count(*)
                FROM picked GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST""".formatted(bucketStart(), d.key(), d.joins(), PUBLISHED, TOP_KEYS);
    }

    /** Every statement of one answer of the desk's scope, by name: the benchmark runs these very texts. */
    static Map<String, String> statements() {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("published", PUBLISHED_FIGURES);
        all.put("claimed", CLAIMED_FIGURES);
        all.put("buckets", BUCKETS);
        for (String dimension : List.of("person", "topic", "rating", "language")) all.put("by " + dimension, keyed(dimension));
        all.put("backlog", BACKLOG_DAYS);
        all.put("tips per claim", TIPS_PER_CLAIM);
        all.put("time to answer", TIME_TO_ANSWER);
        return all;
    }

    @Transactional
    public DeskMetricsView metrics(Window window, String bucket, boolean desk) {
        Object[] published = (Object[]) query(PUBLISHED_FIGURES, window).getSingleResult();
        Object[] claimed = (Object[]) query(CLAIMED_FIGURES, window).getSingleResult();

        List<Duration> durations = new ArrayList<>();
        durations.add(new Duration("timeToClaim", count(claimed[0]), number(claimed[1]), number(claimed[2])));
        for (int i = 1; i < STAGE_ORDER.size(); i++) {
            durations.add(new Duration(STAGE_ORDER.get(i), count(published[0]), number(published[2 * i - 1]), number(published[2 * i])));
        }
        long n = count(published[0]);
        long sentBack = count(published[9]), corrected = count(published[11]), retracted = count(published[12]);
        Rates rates = new Rates(n, sentBack, count(published[10]), ratio(sentBack, n), corrected, ratio(corrected, n),
                retracted, ratio(retracted, n));

        Throughput throughput = new Throughput(bucket, buckets(window, bucket), keyed(window, bucket, "person"),
                keyed(window, bucket, "topic"), keyed(window, bucket, "rating"), keyed(window, bucket, "language"));
        return new DeskMetricsView(new DeskMetricsView.Period(window.from(), window.to(), window.zone().getId(),
                desk ? "desk" : "own", window.person().isEmpty() ? null : window.person()), durations, rates, throughput,
                desk ? backlog(window) : null, desk ? tips(window) : null);
    }

    private static String percentiles(String value) {
        return "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + value + "), percentile_cont(0.9) WITHIN GROUP (ORDER BY "
                + value + ")";
    }

    private List<Bucket> buckets(Window window, String bucket) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(BUCKETS, window).setParameter("bucket", bucket).getResultList();
        return rows.stream().map(r -> new Bucket(date(r[0]), count(r[1]))).toList();
    }

    private List<KeyedBucket> keyed(Window window, String bucket, String dimension) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(keyed(dimension), window).setParameter("bucket", bucket).getResultList();
        return rows.stream().map(r -> new KeyedBucket(date(r[0]), (String) r[1], count(r[2]))).toList();
    }

    /** The first day of a publication's day or week (date_trunc's weeks begin on Monday), in the desk's time zone. */
    static String bucketStart() {
        return "date_trunc(:bucket, tl.first_published_at AT TIME ZONE :zone)::date";
    }

    private List<BacklogDay> backlog(Window window) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(BACKLOG_DAYS, window)
                .setParameter("first", window.from().toString()).setParameter("last", window.to().toString()).getResultList();
        return rows.stream().map(r -> new BacklogDay(date(r[0]), count(r[1]), count(r[2]))).toList();
    }

    private DeskMetricsView.Tips tips(Window window) {
        Object[] perClaim = (Object[]) query(TIPS_PER_CLAIM, window).getSingleResult();
        Object[] answered = (Object[]) query(TIME_TO_ANSWER, window).getSingleResult();
        return new DeskMetricsView.Tips(new Spread(count(perClaim[0]), count(perClaim[1]), number(perClaim[2]),
                number(perClaim[3]), number(perClaim[4])),
                new Duration("timeToAnswer", count(answered[0]), number(answered[1]), number(answered[2])));
    }

    /**
     * The tickets behind a figure, a page at a time, the longest first for a stage: {@code figure} one of the
     * durations' names, {@code published}, {@code sentBack}, {@code corrected}, {@code retracted} (the tickets first
     * published in the period that were), or {@code backlog} / {@code overdue} at the end of {@code day}.
     * {@code published} narrows to one bar with {@code start} (and {@code bucket}), and to one key with
     * {@code dimension} and {@code key}.
     */
    @Transactional
    public Page<FigureTicket> tickets(Window window, String figure, String bucket, LocalDate start, String dimension,
                                      String key, LocalDate day, PageRequest page) {
        String rows, order;
        if (STAGES.containsKey(figure)) {
            rows = "SELECT tl.ticket_id, " + STAGES.get(figure) + " AS v FROM ticket_timeline tl WHERE "
                    + (figure.equals("timeToClaim") ? CLAIMED : PUBLISHED);
            order = " ORDER BY v DESC, ticket_id";
        } else if (figure.equals("backlog") || figure.equals("overdue")) {
            if (day == null || day.isBefore(window.from()) || day.isAfter(window.to())) {
                throw Problems.badRequest("'day' (a day of the period) is required for " + figure + ".");
            }
            window = new Window(day, day, window.zone(), window.person());
            rows = "SELECT s.ticket_id, NULL::float8 AS v FROM ticket_span s WHERE s.started_at < :to"
                    + " AND (s.ended_at IS NULL OR s.ended_at >= :to) AND s.status IN " + BACKLOG
                    + (figure.equals("overdue") ? " AND s.deadline < :to" : "") + " AND :person = ''";
            order = " ORDER BY ticket_id";
        } else {
            String condition = switch (figure) {
                case "published" -> "true";
                case "sentBack" -> "tl.sent_back > 0";
                case "corrected" -> "tl.corrected_at IS NOT NULL";
                case "retracted" -> "tl.retracted_at IS NOT NULL";
                default -> throw Problems.badRequest("Unknown figure '" + figure + "'.");
            };
            Dimension d = dimension == null ? new Dimension("NULL", "") : DIMENSIONS.get(dimension);
            rows = "SELECT DISTINCT tl.ticket_id, NULL::float8 AS v FROM ticket_timeline tl" + d.joins() + " WHERE " + PUBLISHED
                    + " AND " + condition
                    + (start == null ? "" : " AND " + bucketStart() + " = CAST(:start AS date)")
                    + (dimension == null ? "" : key == null ? " AND " + d.key() + " IS NULL" : " AND " + d.key() + " = :key");
            order = " ORDER BY ticket_id";
        }
        long total = count(bind(query("SELECT count(*) FROM (" + rows + ") x", window), bucket, start, key).getSingleResult());
        @SuppressWarnings("unchecked")
        List<Object[]> found = bind(query("SELECT * FROM (" + rows + ") x" + order + " LIMIT :size OFFSET :offset", window),
                bucket, start, key).setParameter("size", page.size).setParameter("offset", page.offset()).getResultList();
        Map<Long, String> texts = new java.util.HashMap<>();
        if (!found.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> claims = Panache.getEntityManager().createNativeQuery("SELECT k.id, c.text FROM ticket k JOIN claim c"
                    + " ON c.id = k.claim_id WHERE k.id = ANY(CAST(:ids AS bigint[]))").setParameter("ids", "{" + String.join(",",
                    found.stream().map(r -> r[0].toString()).toList()) + "}").getResultList();
            for (Object[] c : claims) texts.put(count(c[0]), FigureTicket.excerpt((String) c[1]));
        }
        return Page.of(found.stream().map(r -> new FigureTicket(count(r[0]), texts.get(count(r[0])), number(r[1]))).toList(),
                Counts.Total.exact(total), page);
    }

    private static Query bind(Query query, String bucket, LocalDate start, String key) {
        for (var parameter : query.getParameters()) {
            switch (parameter.getName()) {
                case "start" -> query.setParameter("start", start.toString()).setParameter("bucket", bucket);
                case "key" -> query.setParameter("key", key);
                default -> {
                }
            }
        }
        return query;
    }

    static Query query(String sql, Window window) {
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        for (var parameter : query.getParameters()) {
            switch (parameter.getName()) {
                case "from" -> query.setParameter("from", window.start());
                case "to" -> query.setParameter("to", window.end());
                case "person" -> query.setParameter("person", window.person());
                case "zone" -> query.setParameter("zone", window.zone().getId());
                default -> {
                }
            }
        }
        return query;
    }

    static long count(Object value) {
        return ((Number) value).longValue();
    }

    static Double number(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 1000) / 1000.0;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
