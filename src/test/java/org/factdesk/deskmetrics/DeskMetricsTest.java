package org.factdesk.deskmetrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.factdesk.desk.DeskSettings;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk's figures recomputed here from the raw audit events, by a second implementation of their definitions
 * (docs in {@link DeskMetricsView}), and compared with what the server answers: counts, rates, throughput and
 * backlog exactly; percentiles within the 1 % its histograms promise, plus the millisecond it rounds to. The days gone by
 * of each period are kept by the server once computed; a later change forgets them. The tickets are driven through the
 * door like a desk would (sent back, corrected, retracted, released, overdue), beside every other test's.
 */
@QuarkusTest
class DeskMetricsTest {

    static final Set<String> BACKLOG = Set.of("OPEN", "IN_PROGRESS", "IN_REVIEW", "APPROVED");
    /** The server rounds to the millisecond; its histograms' bins are 2 % wide, read at their middle. */
    static final double MS = 0.0011, BIN = 0.01;

    final Desk desk = new Desk();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyFigureIsWhatTheAuditEventsSay() {
        long sentBackThenCorrected = desk.readyForReview();
        desk.act(desk.alice, sentBackThenCorrected, "submit").statusCode(200);
        desk.act(desk.bob, sentBackThenCorrected, "request-changes", Map.of("comment", "Cite the 2023 series.")).statusCode(200);
        desk.act(desk.alice, sentBackThenCorrected, "submit").statusCode(200);
        desk.act(desk.bob, sentBackThenCorrected, "approve").statusCode(200);
        desk.act(desk.carol, sentBackThenCorrected, "publish").statusCode(200);
        correct(sentBackThenCorrected);

        long retracted = desk.publish(Map.of("text", "Claim " + Desk.unique("retracted"), "language", "es",
                "topics", List.of("health")), "False", "No");
        desk.act(desk.carol, retracted, "retract", Map.of("reason", "The source was forged.")).statusCode(200);

        long released = desk.newTicket("HIGH");
        desk.act(desk.alice, released, "claim").statusCode(200);
        desk.act(desk.alice, released, "release").statusCode(200);
        desk.act(desk.erin, released, "claim").statusCode(200);

        long overdue = desk.newTicket("NORMAL");
        JsonPath ticket = desk.as(desk.carol).get("/api/tickets/{id}", overdue).then().statusCode(200).extract().jsonPath();
        desk.as(desk.carol).body(Map.of("priority", "URGENT", "deadline", OffsetDateTime.now().plusSeconds(1).toString(),
                "version", ticket.getLong("version"))).put("/api/tickets/{id}/triage", overdue).then().statusCode(200);

        ZoneId zone = QuarkusTransaction.requiringNew().call(() -> DeskSettings.get().zone());
        LocalDate today = LocalDate.now(zone);
        Map<Long, Timeline> timelines = recompute();

        for (String bucket : List.of("day", "week")) {
            LocalDate from = today.minusDays(9);
            JsonPath answer = desk.as(desk.carol).get("/api/metrics?from={f}&to={t}&bucket={b}", from.toString(), today.toString(), bucket)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("desk", answer.getString("period.scope"));
            compare(answer, timelines, from, today, zone, bucket, null);
        }
        // The nine days gone by are kept (computed once), today is not: it is still changing.
        assertEquals(today.minusDays(9).datesUntil(today).map(LocalDate::toString).toList(), QuarkusTransaction.requiringNew().call(() ->
                Panache.getEntityManager().createNativeQuery("SELECT day::text FROM desk_metrics_day WHERE zone = '" + zone.getId()
                        + "' AND person = '' AND day BETWEEN '" + today.minusDays(9) + "' AND '" + today + "' ORDER BY day", String.class)
                        .getResultList()));
        // Days to come: spans begun before the period count from its first day (the backlog still open, the overdue too).
        JsonPath ahead = desk.as(desk.carol).get("/api/metrics?from={f}&to={t}", today.plusDays(1).toString(), today.plusDays(3).toString())
                .then().statusCode(200).extract().jsonPath();
        compare(ahead, timelines, today.plusDays(1), today.plusDays(3), zone, "day", null);
        assertTrue(((Number) ahead.getList("backlog.overdue").get(0)).longValue() >= 1, "the overdue ticket is still overdue");
        // A fact-checker reads their own figures: the tickets they submitted.
        JsonPath own = desk.as(desk.alice).get("/api/metrics?from={f}&to={t}", today.toString(), today.toString()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("own", own.getString("period.scope"));
        assertEquals(desk.alice, own.getString("period.person"));
        assertNull(own.get("backlog"));
        compare(own, timelines, today, today, zone, "day", desk.alice);
        assertTrue(own.getLong("rates.published") >= 2, "alice's two publications today");

        // The tickets behind the figures: the same cohorts.
        List<Long> sentBack = drill("figure=sentBack&from=" + today + "&to=" + today).stream()
                .map(row -> ((Number) row.get("ticketId")).longValue()).toList();
        assertEquals(ids(timelines, t -> published(t, today, today, zone, null) && t.sentBack > 0), Set.copyOf(sentBack));
        assertTrue(sentBack.contains(sentBackThenCorrected));
        List<Map<String, Object>> slowest = drill("figure=endToEnd&from=" + today + "&to=" + today);
        assertEquals(ids(timelines, t -> published(t, today, today, zone, null)), slowest.stream()
                .map(row -> ((Number) row.get("ticketId")).longValue()).collect(Collectors.toSet()));
        List<Double> seconds = slowest.stream().map(row -> ((Number) row.get("seconds")).doubleValue()).toList();
        assertEquals(seconds.stream().sorted(Comparator.reverseOrder()).toList(), seconds, "the longest first");
        List<Long> backlog = drill("figure=backlog&day=" + today + "&from=" + today + "&to=" + today).stream()
                .map(row -> ((Number) row.get("ticketId")).longValue()).toList();
        assertTrue(backlog.contains(released) && backlog.contains(overdue) && !backlog.contains(retracted), backlog.toString());
        List<Long> spanish = desk.as(desk.carol).get("/api/metrics/tickets?figure=retracted&dimension=language&key=es&from={f}&to={t}",
                today.toString(), today.toString()).then().statusCode(200).extract().jsonPath().getList("items.ticketId", Long.class);
        assertTrue(spanish.contains(retracted), spanish.toString());
    }

    @Test
    void othersFiguresAreTheEditorsAndBadPeriodsAreRefused() {
        desk.as(desk.alice).get("/api/metrics?person={p}", desk.erin).then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        desk.as(desk.bob).get("/api/metrics/tickets?figure=backlog&day=2026-01-01&from=2026-01-01&to=2026-01-01")
                .then().statusCode(403);
        desk.as(desk.carol).get("/api/metrics?person={p}", desk.alice).then().statusCode(200)
                .body("period.scope", org.hamcrest.Matchers.equalTo("own"));
        desk.as(desk.carol).get("/api/metrics?from=2026-03-02&to=2026-03-01").then().statusCode(400)
                .body("detail", containsString("'from' must be on or before 'to'"));
        desk.as(desk.carol).get("/api/metrics?from=2026-02-31").then().statusCode(400)
                .body("detail", containsString("not a date of the calendar"));
        desk.as(desk.carol).get("/api/metrics?from=2024-01-01&to=2026-01-01").then().statusCode(400)
                .body("detail", containsString("at most 366 days"));
        desk.as(desk.carol).get("/api/metrics?bucket=month").then().statusCode(400);
        desk.as(desk.carol).get("/api/metrics/tickets?figure=backlog").then().statusCode(400)
                .body("detail", containsString("'day'"));
        desk.as(desk.carol).get("/api/metrics/tickets").then().statusCode(400);
    }

    @Test
    void aKeptDayIsReadAsKept() {
        ZoneId zone = QuarkusTransaction.requiringNew().call(() -> DeskSettings.get().zone());
        LocalDate day = LocalDate.of(2020, 2, 29);
        keep(zone, day, "'[2020-02-29 00:00Z, 2020-03-01 00:00Z)'",
                "{\"published\": 3, \"corrected\": 1, \"stages\": {\"endToEnd\": [500, 3]}, \"backlog\": 5, \"overdue\": 2}");
        try {
            JsonPath answer = desk.as(desk.carol).get("/api/metrics?from={d}&to={d}", day.toString(), day.toString())
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(3, answer.getLong("rates.published"));
            assertEquals(0.3333, answer.getDouble("rates.correctionRate"));
            assertEquals(5, answer.getLong("backlog[0].backlog"));
            // Bin 500: 1 ms × 1.02^500.5 ≈ 20,143 s.
            assertEquals(0.001 * Math.pow(1.02, 500.5), answer.getDouble("durations[4].p50Seconds"), 0.001);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                    .createNativeQuery("DELETE FROM desk_metrics_day WHERE day = '2020-02-29'").executeUpdate());
        }
    }

    @Test
    void aChangeToADayGoneByForgetsIt() {
        // Kept rows of days long gone, standing for the day a ticket was first published or claimed on.
        long published = desk.publish(Map.of("text", "Claim " + Desk.unique("forget"), "language", "en"), "False", "No");
        long claimed = desk.readyForReview();
        keep(ZoneId.of("UTC"), LocalDate.of(1999, 1, 1), around("first_published_at", published), "{}");
        keep(ZoneId.of("UTC"), LocalDate.of(1999, 1, 2), around("first_claimed_at", claimed), "{}");
        keep(ZoneId.of("UTC"), LocalDate.of(1999, 1, 3), "'[1999-01-03 00:00Z, 1999-01-04 00:00Z)'", "{}");
        try {
            desk.act(desk.carol, published, "correct").statusCode(200);
            desk.act(desk.alice, claimed, "submit").statusCode(200);
            assertEquals(List.of("1999-01-03"), QuarkusTransaction.requiringNew().call(DeskMetricsTest::keptDays));

            // Tips asked about a published claim change its day too (in a transaction rolled back: no tip group stays).
            keep(ZoneId.of("UTC"), LocalDate.of(1999, 1, 1), around("first_published_at", published), "{}");
            QuarkusTransaction.begin();
            try {
                Panache.getEntityManager().createNativeQuery("INSERT INTO tip_group (text, first_at, last_at, tip_count, claim_id)"
                        + " SELECT 'a tip', now(), now(), 1, claim_id FROM ticket WHERE id = " + published).executeUpdate();
                assertEquals(List.of("1999-01-03"), keptDays());
            } finally {
                QuarkusTransaction.rollback();
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                    .createNativeQuery("DELETE FROM desk_metrics_day WHERE day < '2000-01-01'").executeUpdate());
        }
    }

    @Test
    void daysAreNotKeptWhileAChangeMayForgetThem() {
        ZoneId zone = QuarkusTransaction.requiringNew().call(() -> DeskSettings.get().zone());
        LocalDate day = LocalDate.of(2021, 3, 1);
        String kept = "SELECT count(*) FROM desk_metrics_day WHERE zone = '" + zone.getId() + "' AND day = '" + day + "'";
        try {
            // A change that forgets days, not yet committed: the day is computed, not kept.
            QuarkusTransaction.begin();
            try {
                Panache.getEntityManager().createNativeQuery("SELECT desk_metrics_forget(now())").getSingleResult();
                desk.as(desk.carol).get("/api/metrics?from={d}&to={d}", day.toString(), day.toString()).then().statusCode(200)
                        .body("rates.published", org.hamcrest.Matchers.equalTo(0));
                assertEquals(0L, count(kept));
            } finally {
                QuarkusTransaction.rollback();
            }
            desk.as(desk.carol).get("/api/metrics?from={d}&to={d}", day.toString(), day.toString()).then().statusCode(200);
            assertEquals(1L, count(kept));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                    .createNativeQuery("DELETE FROM desk_metrics_day WHERE day = '" + day + "'").executeUpdate());
        }
    }

    private static String around(String column, long ticket) {
        return "(SELECT tstzrange(" + column + " - interval '1 minute', " + column + " + interval '1 minute') FROM ticket_timeline"
                + " WHERE ticket_id = " + ticket + ")";
    }

    private static void keep(ZoneId zone, LocalDate day, String span, String figures) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("INSERT INTO desk_metrics_day"
                + " (zone, day, person, span, figures) VALUES ('" + zone.getId() + "', '" + day + "', '', " + span + ", '" + figures
                + "')").executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private static List<String> keptDays() {
        return ((List<Object>) Panache.getEntityManager().createNativeQuery("SELECT day::text FROM desk_metrics_day"
                + " WHERE day < '2000-01-01' ORDER BY day").getResultList()).stream().map(Object::toString).toList();
    }

    /** Every ticket behind a figure, page after page, as the editor reads them. */
    private List<Map<String, Object>> drill(String query) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath answer = desk.as(desk.carol).get("/api/metrics/tickets?" + query + "&size=200&page=" + page).then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = answer.getList("items");
            all.addAll(items);
            if (items.size() < 200) {
                assertEquals(all.size(), answer.getLong("total"));
                return all;
            }
        }
    }

    private void correct(long ticket) {
        desk.act(desk.carol, ticket, "correct").statusCode(200);
        JsonPath verdict = desk.as(desk.alice).get("/api/tickets/{id}/verdict", ticket).then().statusCode(200).extract().jsonPath();
        long evidence = desk.as(desk.alice).get("/api/tickets/{id}/evidence", ticket).then().extract().jsonPath().getLong("items[0].id");
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("Mostly false"), "headline", "Corrected", "summary", "s2",
                        "explanation", "e2", "evidenceIds", List.of(evidence), "correctionNote", "We misread the series.",
                        "version", verdict.getLong("draft.version")))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish").statusCode(200);
    }

    // --- the second implementation ------------------------------------------------------------

    /** Every ticket's timeline, folded from its raw audit events in order. */
    private Map<Long, Timeline> recompute() {
        List<Object[]> events = rows("SELECT ticket_id, occurred_at, actor, action, to_status, changes::text FROM audit_event"
                + " WHERE ticket_id IS NOT NULL ORDER BY ticket_id, seq");
        Map<Long, Timeline> timelines = new HashMap<>();
        for (Object[] e : events) {
            long id = ((Number) e[0]).longValue();
            Instant at = instant(e[1]);
            String action = (String) e[3];
            JsonNode changes = parse((String) e[5]);
            if (action.equals("ticket.opened")) timelines.put(id, Timeline.opened(at, (String) e[4], changes));
            else timelines.get(id).apply(at, (String) e[2], action, (String) e[4], changes);
        }
        return timelines;
    }

    private void compare(JsonPath answer, Map<Long, Timeline> timelines, LocalDate from, LocalDate to, ZoneId zone,
                         String bucket, String person) {
        Instant start = from.atStartOfDay(zone).toInstant(), end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Timeline> claimed = timelines.values().stream().filter(t -> t.firstClaimed != null && !t.firstClaimed.isBefore(start)
                && t.firstClaimed.isBefore(end) && (person == null || person.equals(t.checker))).toList();
        List<Timeline> published = timelines.values().stream().filter(t -> published(t, from, to, zone, person)).toList();

        Map<String, List<Double>> stages = new LinkedHashMap<>();
        stages.put("timeToClaim", claimed.stream().map(t -> seconds(t.opened, t.firstClaimed)).toList());
        stages.put("inProgress", published.stream().map(t -> t.inProgress).toList());
        stages.put("review", published.stream().map(t -> t.review).toList());
        stages.put("toPublish", published.stream().map(t -> seconds(t.approved, t.firstPublished)).toList());
        stages.put("endToEnd", published.stream().map(t -> seconds(t.opened, t.firstPublished)).toList());
        int i = 0;
        for (var stage : stages.entrySet()) {
            String path = "durations[" + i++ + "].";
            assertEquals(stage.getKey(), answer.getString(path + "name"));
            assertEquals(stage.getValue().size(), answer.getLong(path + "tickets"), stage.getKey());
            near(percentile(stage.getValue(), 0.5), answer.get(path + "p50Seconds"), stage.getKey() + " p50");
            near(percentile(stage.getValue(), 0.9), answer.get(path + "p90Seconds"), stage.getKey() + " p90");
        }
        assertEquals(published.size(), answer.getLong("rates.published"));
        assertEquals(published.stream().mapToLong(t -> t.sentBack).sum(), answer.getLong("rates.sentBack"));
        assertEquals(published.stream().filter(t -> t.sentBack > 0).count(), answer.getLong("rates.sentBackTickets"));
        assertEquals(published.stream().filter(t -> t.corrected != null).count(), answer.getLong("rates.corrected"));
        assertEquals(published.stream().filter(t -> t.retracted != null).count(), answer.getLong("rates.retracted"));

        Function<Timeline, LocalDate> bucketOf = t -> {
            LocalDate day = LocalDate.ofInstant(t.firstPublished, zone);
            return bucket.equals("week") ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
        };
        Map<LocalDate, Long> all = published.stream().collect(Collectors.groupingBy(bucketOf, TreeMap::new, Collectors.counting()));
        assertEquals(all.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
                answer.getList("throughput.all", Map.class).stream().map(m -> m.get("start") + "=" + ((Number) m.get("count")).longValue()).toList());
        Map<Timeline, Long> ids = new HashMap<>();
        timelines.forEach((id, t) -> ids.put(t, id));
        Map<Long, Object[]> claims = new HashMap<>();
        for (Object[] row : rows("SELECT k.id, c.language, array_to_string(c.topics, chr(31)), r.label FROM ticket k JOIN claim c ON c.id = k.claim_id"
                + " LEFT JOIN verdict_version v ON v.ticket_id = k.id AND v.number = 1 LEFT JOIN rating r ON r.id = v.rating_id")) {
            claims.put(((Number) row[0]).longValue(), row);
        }
        keyed(answer, "byPerson", published, bucketOf, t -> t.checker == null ? List.of() : List.of(t.checker), true);
        keyed(answer, "byLanguage", published, bucketOf, t -> List.of((String) claims.get(ids.get(t))[1]), false);
        keyed(answer, "byRating", published, bucketOf, t -> claims.get(ids.get(t))[3] == null ? List.of() : List.of((String) claims.get(ids.get(t))[3]), true);
        keyed(answer, "byTopic", published, bucketOf, t -> {
            String topics = (String) claims.get(ids.get(t))[2];
            return topics == null || topics.isEmpty() ? List.of() : List.of(topics.split("\u001f"));
        }, false);

        if (person == null) {
            List<Map<String, Object>> backlog = answer.getList("backlog");
            assertEquals(to.toEpochDay() - from.toEpochDay() + 1, backlog.size());
            for (Map<String, Object> day : backlog) {
                Instant dayEnd = LocalDate.parse((String) day.get("day")).plusDays(1).atStartOfDay(zone).toInstant();
                long open = 0, late = 0;
                for (Timeline t : timelines.values()) {
                    for (Timeline.Span s : t.spans) {
                        if (BACKLOG.contains(s.status()) && s.start().isBefore(dayEnd) && (s.end() == null || !s.end().isBefore(dayEnd))) {
                            open++;
                            if (s.deadline() != null && s.deadline().isBefore(dayEnd)) late++;
                        }
                    }
                }
                assertEquals(open, ((Number) day.get("backlog")).longValue(), "backlog at the end of " + day.get("day"));
                assertEquals(late, ((Number) day.get("overdue")).longValue(), "overdue at the end of " + day.get("day"));
            }
        }
    }

    /**
     * One breakdown of the throughput: per bucket and key, the period's ten most frequent keys apart (ties by key),
     * the rest (and tickets without a key, where a ticket without one counts) together under null.
     */
    private void keyed(JsonPath answer, String name, List<Timeline> published, Function<Timeline, LocalDate> bucketOf,
                       Function<Timeline, List<String>> keys, boolean nullWhenNone) {
        Map<String, Long> totals = new HashMap<>();
        for (Timeline t : published) for (String key : keys.apply(t)) totals.merge(key, 1L, Long::sum);
        Set<String> top = totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(DeskMetrics.TOP_KEYS).map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<String, Long> expected = new TreeMap<>();
        for (Timeline t : published) {
            List<String> k = keys.apply(t);
            if (k.isEmpty() && nullWhenNone) expected.merge(bucketOf.apply(t) + "|null", 1L, Long::sum);
            for (String key : k) expected.merge(bucketOf.apply(t) + "|" + (top.contains(key) ? key : "null"), 1L, Long::sum);
        }
        Map<String, Long> actual = new TreeMap<>();
        for (Map<?, ?> row : answer.getList("throughput." + name, Map.class)) {
            actual.put(row.get("start") + "|" + row.get("key"), ((Number) row.get("count")).longValue());
        }
        assertEquals(expected, actual, name);
    }

    private static boolean published(Timeline t, LocalDate from, LocalDate to, ZoneId zone, String person) {
        Instant start = from.atStartOfDay(zone).toInstant(), end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return t.firstPublished != null && !t.firstPublished.isBefore(start) && t.firstPublished.isBefore(end)
                && (person == null || person.equals(t.checker));
    }

    private static Set<Long> ids(Map<Long, Timeline> timelines, Predicate<Timeline> p) {
        return timelines.entrySet().stream().filter(e -> p.test(e.getValue())).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Linear interpolation between the closest ranks, as PostgreSQL's percentile_cont. */
    static Double percentile(List<Double> values, double q) {
        if (values.isEmpty()) return null;
        List<Double> v = values.stream().sorted().toList();
        double p = q * (v.size() - 1);
        int lo = (int) Math.floor(p), hi = (int) Math.ceil(p);
        return v.get(lo) + (p - lo) * (v.get(hi) - v.get(lo));
    }

    private static void near(Double expected, Object actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            double tolerance = BIN * expected + MS;
            assertTrue(actual != null && Math.abs(expected - ((Number) actual).doubleValue()) <= tolerance, what + ": " + expected + " vs " + actual);
        }
    }

    private static double seconds(Instant a, Instant b) {
        return java.time.Duration.between(a, b).toNanos() / 1e9;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp ts ? ts.toInstant() : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(sql).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) Panache.getEntityManager().createNativeQuery(sql).getResultList());
    }
}
