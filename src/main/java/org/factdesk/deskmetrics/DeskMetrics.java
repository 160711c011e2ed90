package org.factdesk.deskmetrics;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The desk's figures, from the rollups the audit trail keeps up to date (migration V26: {@code ticket_timeline},
 * {@code ticket_span}, folded from each event as it is stored), for whole days in the desk's time zone. Each day's
 * figures are computed from the tickets of that day ({@link DayFigures}); a day gone by is kept once computed
 * ({@code desk_metrics_day}, V27, which forgets a day when a later event changes it), so a period reads its kept days
 * and computes only today's. Percentiles come from the days' histograms: within 1 % of the exact ones
 * ({@link Histogram}). {@link #tickets} lists the tickets behind each figure, from the rollups themselves.
 */
@ApplicationScoped
public class DeskMetrics {

    /** The longest period one answer covers: a year and a day. */
    public static final int MAX_DAYS = 366;
    /** Keys shown apart in each breakdown of the throughput; the rest are counted together. */
    public static final int TOP_KEYS = 10;
    public static final int MAX_KEYED_ROWS = MAX_DAYS * (TOP_KEYS + 1);
    /** Days computed and kept in one transaction, so a change waits at most that long to forget one (V27's lock). */
    static final int DAYS_PER_KEEP = 7;

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
    /** The stages over the tickets first published, in the order of {@link #DESK_PUBLISHED_ROWS}' columns. */
    private static final List<String> PUBLISHED_STAGES = STAGE_ORDER.subList(1, STAGE_ORDER.size());

    /** The key of each breakdown of the throughput, and what it joins to find it (for the tickets behind one). */
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
    /** When a span counts: at the end of a day after it began and not after it ended (V27's index is on it). */
    static final String ALIVE = "tstzrange(started_at, CASE WHEN ended_at < started_at THEN started_at ELSE ended_at END, '(]')";

    /** The whole days of a period in the desk's time zone, as the instants the statements compare with. */
    record Window(LocalDate from, LocalDate to, ZoneId zone, String person) {
        Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }

        /** The period asked for (by default the 30 days to today), of {@code person} (null: the desk's). */
        static Window of(LocalDate from, LocalDate to, String person) {
            ZoneId zone = DeskSettings.get().zone();
            LocalDate last = to == null ? LocalDate.now(zone) : to;
            LocalDate first = from == null ? last.minusDays(29) : from;
            if (first.isAfter(last)) {
                throw Problems.badRequest("The period begins after it ends: 'from' must be on or before 'to'.");
            }
            if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
                throw Problems.badRequest("A period covers at most " + MAX_DAYS + " days.");
            }
            return new Window(first, last, zone, person == null ? "" : person);
        }

        Window days(LocalDate first, LocalDate last) {
            return new Window(first, last, zone, person);
        }

        boolean desk() {
            return person.isEmpty();
        }
    }

    /** The tickets first published in the period, one row each with what their day's figures count. */
    private static final String PUBLISHED_ROWS = """
            SELECT tl.first_published_at, %s, tl.sent_back, tl.corrected_at IS NOT NULL, tl.retracted_at IS NOT NULL,
                   tl.checker, c.language, array_to_string(c.topics, chr(31)), r.label, %s
            FROM ticket_timeline tl JOIN ticket k ON k.id = tl.ticket_id JOIN claim c ON c.id = k.claim_id
            LEFT JOIN verdict_version v ON v.ticket_id = tl.ticket_id AND v.number = 1 LEFT JOIN rating r ON r.id = v.rating_id
            WHERE %s""";

    /** The published rows of the desk's figures, with the tips asked about each claim (a person's have none). */
    static final String DESK_PUBLISHED_ROWS = PUBLISHED_ROWS.formatted(
            String.join(", ", PUBLISHED_STAGES.stream().map(STAGES::get).toList()),
            "(SELECT coalesce(sum(g.tip_count), 0) FROM tip_group g WHERE g.claim_id = k.claim_id)", PUBLISHED);
    static final String PERSON_PUBLISHED_ROWS = PUBLISHED_ROWS.formatted(
            String.join(", ", PUBLISHED_STAGES.stream().map(STAGES::get).toList()), "NULL", PUBLISHED);

    static final String CLAIMED_ROWS = "SELECT tl.first_claimed_at, " + STAGES.get("timeToClaim")
            + " FROM ticket_timeline tl WHERE " + CLAIMED;

    /** Tips first answered in the period: each answer sent then that is its tip's first. */
    static final String ANSWER_ROWS = """
            SELECT a.sent_at, extract(epoch FROM a.sent_at - t.received_at)::float8
            FROM tip_answer a JOIN tip t ON t.id = a.tip_id
            WHERE a.state = 'SENT' AND a.sent_at >= :from AND a.sent_at < :to AND NOT EXISTS (
                SELECT 1 FROM tip_answer b WHERE b.tip_id = a.tip_id AND b.state = 'SENT' AND (b.sent_at, b.id) < (a.sent_at, a.id))""";

    /**
     * The backlog and the overdue at the end of each day of the period, from the spans of work not yet out that
     * last into it (V27's index finds them: a few days' worth, however long the history). A span counts at the end
     * of day d when it began by then and had not ended: [start < end of d] − [end < end of d] (a span ending by then began by then), each a count from one day on
     * (its local date, clamped to the period's first day), summed over the days; overdue adds the deadline passed
     * by then: from the later of the start's and the deadline's day, until the later of the end's and the deadline's.
     */
    static final String BACKLOG_DAYS = """
            WITH dated AS (
                SELECT (started_at AT TIME ZONE :zone)::date AS began, (ended_at AT TIME ZONE :zone)::date AS ended,
                       (deadline AT TIME ZONE :zone)::date AS due
                FROM ticket_span WHERE %2$s && tstzrange(CAST(:from AS timestamptz), CAST(:to AS timestamptz), '(]')
                                   AND status IN %1$s),
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
            ORDER BY d""".formatted(BACKLOG, ALIVE);

    static final String KEPT_DAYS = "SELECT day, figures::text FROM desk_metrics_day WHERE zone = :zone AND person = :person"
            + " AND day BETWEEN CAST(:since AS date) AND CAST(:until AS date)";

    static final String KEEP_DAY = "INSERT INTO desk_metrics_day (zone, day, person, span, figures)"
            + " VALUES (:zone, CAST(:day AS date), :person, tstzrange(:dayStart, :dayEnd), CAST(:figures AS json))"
            + " ON CONFLICT DO NOTHING";

    /** Every statement one answer runs, by name: the kept days of the period, then today's computed. */
    static Map<String, String> statements() {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("kept days", KEPT_DAYS);
        all.put("published", DESK_PUBLISHED_ROWS);
        all.put("claimed", CLAIMED_ROWS);
        all.put("answers", ANSWER_ROWS);
        all.put("backlog", BACKLOG_DAYS);
        return all;
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The figures of a period of {@code person} (null: the desk's), by day or by week. */
    @Transactional
    public DeskMetricsView metrics(LocalDate from, LocalDate to, String person, String bucket) {
        Window window = Window.of(from, to, person);
        Map<LocalDate, DayFigures> days = days(window);
        DayFigures all = new DayFigures();
        days.values().forEach(all::add);

        List<Duration> durations = new ArrayList<>();
        for (String stage : STAGE_ORDER) {
            Histogram h = all.stage(stage);
            durations.add(new Duration(stage, stage.equals("timeToClaim") ? all.claimed : all.published,
                    number(h.percentile(Histogram.Bins.SECONDS, 0.5)), number(h.percentile(Histogram.Bins.SECONDS, 0.9))));
        }
        Rates rates = new Rates(all.published, all.sentBack, all.sentBackTickets, ratio(all.sentBack, all.published),
                all.corrected, ratio(all.corrected, all.published), all.retracted, ratio(all.retracted, all.published));

        Map<LocalDate, List<DayFigures>> byBucket = new TreeMap<>();
        days.forEach((day, figures) -> byBucket.computeIfAbsent(bucketStart(day, bucket), d -> new ArrayList<>()).add(figures));
        List<Bucket> published = new ArrayList<>();
        byBucket.forEach((start, figures) -> {
            long count = figures.stream().mapToLong(f -> f.published).sum();
            if (count > 0) published.add(new Bucket(start, count));
        });
        Throughput throughput = new Throughput(bucket, published, keyed(byBucket, "person"), keyed(byBucket, "topic"),
                keyed(byBucket, "rating"), keyed(byBucket, "language"));

        List<BacklogDay> backlog = null;
        DeskMetricsView.Tips tips = null;
        if (window.desk()) {
            backlog = days.entrySet().stream().map(d -> new BacklogDay(d.getKey(), d.getValue().backlog, d.getValue().overdue)).toList();
            Histogram perClaim = all.tipsPerClaim, answered = all.timeToAnswer;
            tips = new DeskMetricsView.Tips(new Spread(perClaim.total(), perClaim.sum(),
                    perClaim.total() == 0 ? null : number((double) perClaim.sum() / perClaim.total()),
                    number(perClaim.percentile(Histogram.Bins.COUNTS, 0.5)), number(perClaim.percentile(Histogram.Bins.COUNTS, 0.9))),
                    new Duration("timeToAnswer", answered.total(), number(answered.percentile(Histogram.Bins.SECONDS, 0.5)),
                            number(answered.percentile(Histogram.Bins.SECONDS, 0.9))));
        }
        return new DeskMetricsView(new DeskMetricsView.Period(window.from(), window.to(), window.zone().getId(),
                window.desk() ? "desk" : "own", window.desk() ? null : window.person()), durations, rates, throughput, backlog, tips);
    }

    /** Each day of the period: the kept ones read, the others gone by computed and kept, today's and later computed. */
    private Map<LocalDate, DayFigures> days(Window window) {
        LocalDate today = LocalDate.now(window.zone());
        LocalDate lastGone = window.to().isBefore(today) ? window.to() : today.minusDays(1);
        Map<LocalDate, DayFigures> days = new TreeMap<>();
        if (!window.from().isAfter(lastGone)) {
            days.putAll(kept(window.days(window.from(), lastGone)));
            LocalDate first = null;
            for (LocalDate day = window.from(); !day.isAfter(lastGone); day = day.plusDays(1)) {
                boolean missing = !days.containsKey(day);
                if (missing && first == null) first = day;
                boolean runEnds = first != null && (!missing || day.equals(lastGone) || day.equals(first.plusDays(DAYS_PER_KEEP - 1)));
                if (runEnds) {
                    LocalDate last = missing ? day : day.minusDays(1);
                    days.putAll(keep(window.days(first, last)));
                    first = null;
                }
            }
        }
        if (!window.to().isBefore(today)) {
            days.putAll(compute(window.days(window.from().isAfter(today) ? window.from() : today, window.to())));
        }
        return days;
    }

    private Map<LocalDate, DayFigures> kept(Window window) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(KEPT_DAYS, window).setParameter("since", window.from().toString())
                .setParameter("until", window.to().toString()).getResultList();
        Map<LocalDate, DayFigures> days = new TreeMap<>();
        for (Object[] row : rows) days.put(date(row[0]), read((String) row[1]));
        return days;
    }

    /**
     * Days gone by, computed and kept in a transaction of their own that holds V27's lock, so no change forgets
     * one of them meanwhile; when a change holds it, they are computed and not kept (the next reader keeps them).
     */
    private Map<LocalDate, DayFigures> keep(Window window) {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean locked = (Boolean) Panache.getEntityManager().createNativeQuery("SELECT desk_metrics_try_keep()").getSingleResult();
            Map<LocalDate, DayFigures> days = compute(window);
            if (locked) {
                days.forEach((day, figures) -> query(KEEP_DAY, window).setParameter("day", day.toString())
                        .setParameter("dayStart", day.atStartOfDay(window.zone()).toInstant())
                        .setParameter("dayEnd", day.plusDays(1).atStartOfDay(window.zone()).toInstant())
                        .setParameter("figures", write(figures)).executeUpdate());
            }
            return days;
        });
    }

    /** The figures of each day of the window, from its tickets. */
    private Map<LocalDate, DayFigures> compute(Window window) {
        Map<LocalDate, DayFigures> days = new TreeMap<>();
        for (LocalDate day = window.from(); !day.isAfter(window.to()); day = day.plusDays(1)) days.put(day, new DayFigures());
        for (Object[] r : rows(window.desk() ? DESK_PUBLISHED_ROWS : PERSON_PUBLISHED_ROWS, window)) {
            DayFigures day = days.get(localDate(r[0], window.zone()));
            day.published++;
            for (int i = 0; i < PUBLISHED_STAGES.size(); i++) {
                Histogram h = day.stage(PUBLISHED_STAGES.get(i));
                if (r[1 + i] != null) h.add(Histogram.Bins.SECONDS, ((Number) r[1 + i]).doubleValue());
            }
            long sentBack = count(r[5]);
            day.sentBack += sentBack;
            if (sentBack > 0) day.sentBackTickets++;
            if ((Boolean) r[6]) day.corrected++;
            if ((Boolean) r[7]) day.retracted++;
            day.count("person", (String) r[8]);
            day.count("language", (String) r[9]);
            String topics = (String) r[10];
            if (topics != null && !topics.isEmpty()) for (String topic : topics.split("\u001f")) day.count("topic", topic);
            day.count("rating", (String) r[11]);
            if (window.desk()) day.tipsPerClaim.add(Histogram.Bins.COUNTS, count(r[12]));
        }
        for (Object[] r : rows(CLAIMED_ROWS, window)) {
            DayFigures day = days.get(localDate(r[0], window.zone()));
            day.claimed++;
            day.stage("timeToClaim").add(Histogram.Bins.SECONDS, ((Number) r[1]).doubleValue());
        }
        if (window.desk()) {
            for (Object[] r : rows(ANSWER_ROWS, window)) {
                days.get(localDate(r[0], window.zone())).timeToAnswer.add(Histogram.Bins.SECONDS, ((Number) r[1]).doubleValue());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> backlog = query(BACKLOG_DAYS, window).setParameter("first", window.from().toString())
                    .setParameter("last", window.to().toString()).getResultList();
            for (Object[] r : backlog) {
                DayFigures day = days.get(date(r[0]));
                day.backlog = count(r[1]);
                day.overdue = count(r[2]);
            }
        }
        return days;
    }

    /** A breakdown of the throughput: the period's most frequent keys apart (ties by key), the rest under null. */
    private static List<KeyedBucket> keyed(Map<LocalDate, List<DayFigures>> byBucket, String dimension) {
        Map<LocalDate, List<Map<String, Long>>> counts = new TreeMap<>();
        byBucket.forEach((start, days) -> counts.put(start, days.stream().map(day -> day.counts(dimension)).toList()));
        Map<String, Long> totals = new HashMap<>();
        counts.values().forEach(days -> days.forEach(day -> day.forEach((key, n) -> {
            if (key != null) totals.merge(key, n, Long::sum);
        })));
        Set<String> top = totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(TOP_KEYS).map(Map.Entry::getKey).collect(Collectors.toSet());
        List<KeyedBucket> rows = new ArrayList<>();
        counts.forEach((start, days) -> {
            Map<String, Long> shown = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
            days.forEach(day -> day.forEach((key, n) -> shown.merge(top.contains(key) ? key : null, n, Long::sum)));
            shown.forEach((key, n) -> rows.add(new KeyedBucket(start, key, n)));
        });
        return rows;
    }

    /** The first day of a day's day or week (weeks begin on Monday, as date_trunc's). */
    static LocalDate bucketStart(LocalDate day, String bucket) {
        return bucket.equals("week") ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
    }

    /** The first day of a publication's day or week, in SQL, for the tickets behind one bar. */
    static String bucketStart() {
        return "date_trunc(:bucket, tl.first_published_at AT TIME ZONE :zone)::date";
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, Window window) {
        return query(sql, window).getResultList();
    }

    private static DayFigures read(String json) {
        try {
            return JSON.readValue(json, DayFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept day's figures do not read back", e);
        }
    }

    private static String write(DayFigures figures) {
        try {
            return JSON.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The tickets behind a figure, a page at a time, the longest first for a stage: {@code figure} one of the
     * durations' names, {@code published}, {@code sentBack}, {@code corrected}, {@code retracted} (the tickets first
     * published in the period that were), or {@code backlog} / {@code overdue} at the end of {@code day}.
     * {@code published} narrows to one bar with {@code start} (and {@code bucket}), and to one key with
     * {@code dimension} and {@code key}.
     */
    @Transactional
    public Page<FigureTicket> tickets(LocalDate from, LocalDate to, String person, String figure, String bucket, LocalDate start,
                                      String dimension, String key, LocalDate day, PageRequest page) {
        Window window = Window.of(from, to, person);
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
            rows = "SELECT s.ticket_id, NULL::float8 AS v FROM ticket_span s WHERE " + ALIVE + " @> CAST(:to AS timestamptz)"
                    + " AND s.status IN " + BACKLOG + (figure.equals("overdue") ? " AND s.deadline < :to" : "") + " AND :person = ''";
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

    private static LocalDate localDate(Object instant, ZoneId zone) {
        Instant at = instant instanceof java.sql.Timestamp ts ? ts.toInstant()
                : instant instanceof OffsetDateTime o ? o.toInstant() : (Instant) instant;
        return LocalDate.ofInstant(at, zone);
    }

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
