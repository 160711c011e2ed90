package org.factdesk.deskmetrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.factdesk.audit.AuditHash;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk at size, for bench/metrics-at-size.sh. {@code seed}: tickets that lived three years of a desk's work
 * (claimed, worked, sent back, approved, published, corrected, retracted, released, discarded, left open), about
 * ten audit events each with valid hash chains (verify passes), and the rollups of V26 as {@link Timeline} folds
 * them (the trigger is off while the rows are copied, on again after). {@code measure}: the dashboard's answer over
 * HTTP and each of its statements over JDBC with the same parameters, for periods of 30, 90 and 366 days; and what
 * the trigger costs a transition, from EXPLAIN ANALYZE of an event's insert (rolled back).
 */
public final class MetricsAtSize {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "en", "es", "fr", "de"};
    static final String[] TOPICS = {"economy", "health", "elections", "climate", "migration", "crime", "energy", "education",
            "housing", "transport", "war", "science", "sport", "technology", "food", "tax", "pensions", "media", "justice", "culture"};
    static final int CHECKERS = 30, REVIEWERS = 10, EDITORS = 5;
    static final int BATCH = 20_000;

    public static void main(String[] args) throws Exception {
        String mode = args[0], url = args[1], user = args[2], password = args[3];
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            if (mode.equals("seed")) {
                seed(c, Integer.parseInt(args[4]));
            } else {
                measure(c, args[4], args[5], Integer.parseInt(args[6]));
            }
        }
    }

    // --- seeding -----------------------------------------------------------------------------

    /** One ticket's events, made in order, hashed into its chain, and folded into its timeline. */
    static final class Life {
        final long id;
        final StringBuilder events = new StringBuilder();
        int seq;
        String hash = AuditHash.GENESIS, status;
        Timeline timeline;
        Instant at;
        int versions;
        Instant firstPublished, lastPublic;

        Life(long id) {
            this.id = id;
        }

        /** Appends the event unless it would lie in the future; answers whether it happened. */
        boolean event(Instant when, String actor, String action, String to, ObjectNode changes, Instant now) {
            if (when.isAfter(now)) return false;
            Instant t = when.truncatedTo(ChronoUnit.MICROS);
            seq++;
            String from = status;
            String h = AuditHash.event("ticket:" + id, seq, id, t, actor, action, to == null ? null : from, to, changes, hash);
            events.append("ticket:").append(id).append('\t').append(seq).append('\t').append(id).append('\t').append(t)
                    .append('\t').append(actor).append('\t').append(action).append('\t').append(to == null || from == null ? "\\N" : from)
                    .append('\t').append(to == null ? "\\N" : to).append('\t').append(changes).append('\t').append(hash)
                    .append('\t').append(h).append('\n');
            hash = h;
            if (timeline == null) timeline = Timeline.opened(t, to, changes);
            else timeline.apply(t, actor, action, to, changes);
            if (to != null) status = to;
            if (action.equals("ticket.publish")) {
                versions++;
                if (firstPublished == null) firstPublished = t;
                lastPublic = t;
            }
            if (action.equals("ticket.retract")) lastPublic = t;
            at = t;
            return true;
        }
    }

    static void seed(Connection c, int tickets) throws SQLException, java.io.IOException {
        Random random = new Random(20261203);
        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofDays(3 * 365));
        long span = Duration.between(start, now).toMillis();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER desk_metrics");
            s.execute("ALTER TABLE ticket DISABLE TRIGGER feed_version_published"); // moved once at the end
        }
        long events = 0, began = System.nanoTime();
        StringBuilder claims = new StringBuilder(), ticketRows = new StringBuilder(), eventRows = new StringBuilder(),
                timelines = new StringBuilder(), spans = new StringBuilder();
        for (int i = 1; i <= tickets; i++) {
            Life life = live(i, start.plusMillis((long) ((double) span * (i - 1) / tickets) + random.nextInt(60_000)), now, random);
            String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
            String topics = random.nextInt(5) == 0 ? "{}" : random.nextBoolean() ? "{" + TOPICS[random.nextInt(TOPICS.length)] + "}"
                    : "{" + TOPICS[random.nextInt(TOPICS.length)] + "," + TOPICS[random.nextInt(TOPICS.length)] + "}";
            Instant opened = life.timeline.opened;
            claims.append(i).append("\tClaim ").append(i).append(" on ").append(topics.replaceAll("[{}]", "")).append('\t').append(language)
                    .append("\tNORMAL\t2\t").append(opened).append("\tbench\t").append(life.at).append('\t').append(topics).append('\n');
            Timeline t = life.timeline;
            String assignee = life.status.equals("IN_PROGRESS") || life.status.equals("IN_REVIEW") ? t.checker != null ? t.checker : "checker-01" : null;
            if (life.status.equals("IN_PROGRESS") && assignee == null) assignee = "checker-01";
            ticketRows.append(i).append('\t').append(i).append('\t').append(life.status).append('\t').append(nullable(assignee))
                    .append("\t2\t").append(nullable(t.deadline)).append('\t').append(life.versions).append('\t')
                    .append(nullable(life.firstPublished)).append('\t').append(nullable(life.lastPublic)).append('\t')
                    .append(life.seq).append('\t').append(life.hash).append('\t').append(opened).append('\t').append(life.at).append('\n');
            eventRows.append(life.events);
            events += life.seq;
            timelines.append(i).append('\t').append(t.opened).append('\t').append(t.status).append('\t').append(t.since).append('\t')
                    .append(nullable(t.deadline)).append('\t').append(nullable(t.firstClaimed)).append('\t').append(t.inProgress).append('\t')
                    .append(t.review).append('\t').append(t.sentBack).append('\t').append(nullable(t.approved)).append('\t')
                    .append(nullable(t.checker)).append('\t').append(nullable(t.firstPublished)).append('\t').append(nullable(t.corrected))
                    .append('\t').append(nullable(t.retracted)).append('\n');
            for (Timeline.Span s : t.spans) {
                spans.append(i).append('\t').append(s.status()).append('\t').append(nullable(s.deadline())).append('\t').append(s.start())
                        .append('\t').append(nullable(s.end())).append('\n');
            }
            if (i % BATCH == 0 || i == tickets) {
                copy.copyIn("COPY claim (id, text, language, priority, priority_rank, created_at, created_by, updated_at, topics) FROM STDIN",
                        new StringReader(claims.toString()));
                copy.copyIn("COPY ticket (id, claim_id, status, assignee, priority_rank, deadline, published_versions, first_published_at,"
                        + " public_updated_at, audit_seq, audit_hash, created_at, updated_at) FROM STDIN", new StringReader(ticketRows.toString()));
                copy.copyIn("COPY audit_event (stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status, changes,"
                        + " prev_hash, hash) FROM STDIN", new StringReader(eventRows.toString()));
                copy.copyIn("COPY ticket_timeline (ticket_id, opened_at, status, status_since, deadline, first_claimed_at,"
                        + " in_progress_seconds, review_seconds, sent_back, approved_at, checker, first_published_at, corrected_at,"
                        + " retracted_at) FROM STDIN", new StringReader(timelines.toString()));
                copy.copyIn("COPY ticket_span (ticket_id, status, deadline, started_at, ended_at) FROM STDIN", new StringReader(spans.toString()));
                claims.setLength(0);
                ticketRows.setLength(0);
                eventRows.setLength(0);
                timelines.setLength(0);
                spans.setLength(0);
                if (i % (BATCH * 10) == 0 || i == tickets) {
                    System.out.printf("seeded %,d tickets, %,d events (%.0f s)%n", i, events, (System.nanoTime() - began) / 1e9);
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER desk_metrics");
            s.execute("ALTER TABLE ticket ENABLE TRIGGER feed_version_published");
            s.execute("SELECT feed_version_move(max(public_updated_at)) FROM ticket");
            s.execute("SELECT setval(pg_get_serial_sequence('claim', 'id'), " + tickets + ")");
            s.execute("SELECT setval(pg_get_serial_sequence('ticket', 'id'), " + tickets + ")");
            s.execute("VACUUM ANALYZE");
        }
        System.out.printf("seeded %,d tickets and %,d audit events in %.0f s%n", tickets, events, (System.nanoTime() - began) / 1e9);
    }

    /** A ticket's life from its opening: each step after a random wait, as far as now. */
    static Life live(long id, Instant opened, Instant now, Random random) {
        Life life = new Life(id);
        String checker = "checker-" + (1 + random.nextInt(CHECKERS));
        String reviewer = "reviewer-" + (1 + random.nextInt(REVIEWERS));
        String editor = "editor-" + (1 + random.nextInt(EDITORS));
        ObjectNode opening = JSON.createObjectNode().put("claimId", id).put("priority", "NORMAL");
        if (random.nextInt(4) == 0) opening.put("deadline", opened.plus(Duration.ofHours(24 + random.nextInt(96))).truncatedTo(ChronoUnit.SECONDS).toString());
        else opening.putNull("deadline");
        life.event(opened, editor, "ticket.opened", "OPEN", opening, now);
        Instant t = opened;
        if (random.nextInt(20) == 0) {
            life.event(t.plus(hours(random, 6)), editor, "ticket.discard", "DISCARDED", JSON.createObjectNode().put("reason", "not checkable"), now);
            return life;
        }
        if (!life.event(t = t.plus(hours(random, 2)), checker, "ticket.claim", "IN_PROGRESS", empty(), now)) return life;
        if (random.nextInt(10) == 0) {
            if (!life.event(t = t.plus(hours(random, 1)), checker, "ticket.release", "OPEN", empty(), now)) return life;
            checker = "checker-" + (1 + random.nextInt(CHECKERS));
            if (!life.event(t = t.plus(hours(random, 3)), checker, "ticket.claim", "IN_PROGRESS", empty(), now)) return life;
        }
        for (int e = 0, n = 2 + random.nextInt(4); e < n; e++) {
            if (!life.event(t = t.plus(hours(random, 1)), checker, "evidence.added", null, empty(), now)) return life;
        }
        if (!life.event(t = t.plus(hours(random, 2)), checker, "verdict.drafted", null, empty(), now)) return life;
        if (!life.event(t = t.plus(hours(random, 2)), checker, "ticket.submit", "IN_REVIEW", empty(), now)) return life;
        if (random.nextInt(10) < 3) {
            if (!life.event(t = t.plus(hours(random, 3)), reviewer, "ticket.request-changes", "IN_PROGRESS", empty(), now)) return life;
            if (!life.event(t = t.plus(hours(random, 3)), checker, "ticket.submit", "IN_REVIEW", empty(), now)) return life;
        }
        if (!life.event(t = t.plus(hours(random, 3)), reviewer, "ticket.approve", "APPROVED", empty(), now)) return life;
        if (!life.event(t = t.plus(hours(random, 1)), editor, "ticket.publish", "PUBLISHED",
                JSON.createObjectNode().put("verdictVersion", 1), now)) return life;
        if (random.nextInt(20) == 0) {
            if (!life.event(t = t.plus(hours(random, 48)), editor, "ticket.correct", "IN_PROGRESS", empty(), now)) return life;
            if (!life.event(t = t.plus(hours(random, 3)), checker, "ticket.submit", "IN_REVIEW", empty(), now)) return life;
            if (!life.event(t = t.plus(hours(random, 2)), reviewer, "ticket.approve", "APPROVED", empty(), now)) return life;
            if (!life.event(t = t.plus(hours(random, 1)), editor, "ticket.publish", "PUBLISHED",
                    JSON.createObjectNode().put("verdictVersion", 2), now)) return life;
        }
        if (random.nextInt(100) == 0) {
            life.event(t.plus(hours(random, 96)), editor, "ticket.retract", "RETRACTED", JSON.createObjectNode().put("reason", "a source was forged"), now);
        }
        return life;
    }

    private static Duration hours(Random random, double mean) {
        return Duration.ofSeconds((long) (-Math.log(1 - random.nextDouble()) * mean * 3600) + 1);
    }

    private static ObjectNode empty() {
        return JSON.createObjectNode();
    }

    private static String nullable(Object value) {
        return value == null ? "\\N" : value.toString();
    }

    // --- measuring ---------------------------------------------------------------------------

    static void measure(Connection c, String baseUrl, String token, int runs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ZoneId zone = ZoneId.of("UTC");
        LocalDate to = LocalDate.now(zone);
        // Cold: no day kept yet, so the first answers compute and keep every day gone by (a week per transaction).
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE desk_metrics_day");
        }
        for (int days : new int[]{30, 366}) {
            String query = "from=" + to.minusDays(days - 1) + "&to=" + to;
            System.out.printf("%3d days, first answer (computes and keeps the days not yet kept): %.1f ms%n", days,
                    get(http, baseUrl + "/api/metrics?" + query, token));
        }
        Map<String, Object> today = Map.of("from", java.sql.Timestamp.from(to.atStartOfDay(zone).toInstant()),
                "to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()), "person", "", "zone", zone.getId(),
                "first", to.toString(), "last", to.toString());
        for (int days : new int[]{30, 90, 366}) {
            LocalDate from = to.minusDays(days - 1);
            String query = "from=" + from + "&to=" + to;
            for (int warm = 0; warm < 3; warm++) get(http, baseUrl + "/api/metrics?" + query, token);
            double[] answer = new double[runs], drill = new double[runs], sql = new double[runs];
            Map<String, double[]> each = new java.util.LinkedHashMap<>();
            Map<String, Object> kept = Map.of("zone", zone.getId(), "person", "", "since", from.toString(), "until", to.minusDays(1).toString());
            for (int r = 0; r < runs; r++) {
                answer[r] = get(http, baseUrl + "/api/metrics?" + query, token);
                drill[r] = get(http, baseUrl + "/api/metrics/tickets?figure=endToEnd&size=50&" + query, token);
                for (var statement : DeskMetrics.statements().entrySet()) {
                    long t0 = System.nanoTime();
                    try (PreparedStatement p = prepare(c, statement.getValue(), statement.getKey().equals("kept days") ? kept : today);
                         ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) rs.getObject(i); // read every value, as the server does
                        }
                    }
                    double ms = (System.nanoTime() - t0) / 1e6;
                    each.computeIfAbsent(statement.getKey(), k -> new double[runs])[r] = ms;
                    sql[r] += ms;
                }
            }
            System.out.printf("%3d days: GET /api/metrics %s | its %d statements over JDBC %s | ratio of medians %.2f%n", days,
                    stats(answer), each.size(), stats(sql), median(answer) / median(sql));
            System.out.printf("          GET /api/metrics/tickets?figure=endToEnd (first page of 50) %s%n", stats(drill));
            for (var e : each.entrySet()) System.out.printf("          %-16s %s%n", e.getKey(), stats(e.getValue()));
        }
        triggerCost(c, runs);
    }

    /** What the trigger adds to storing one event: PostgreSQL's own timing of it, inserts rolled back. */
    static void triggerCost(Connection c, int runs) throws SQLException {
        c.setAutoCommit(false);
        Pattern trigger = Pattern.compile("Trigger desk_metrics: time=([0-9.]+) calls=1");
        Pattern total = Pattern.compile("Execution Time: ([0-9.]+) ms");
        // A transition, an event that changes no status, and a correction of a fact-check published on a kept day
        // (which forgets that day).
        for (String[] kind : new String[][]{{"ticket.claim", "'OPEN'", "'IN_PROGRESS'", "true"}, {"comment.added", "NULL", "NULL", "true"},
                {"ticket.correct", "'PUBLISHED'", "'IN_PROGRESS'", "first_published_at < current_date - 1"}}) {
            double[] spent = new double[runs], whole = new double[runs];
            for (int r = 0; r < runs; r++) {
                long ticket;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT ticket_id FROM ticket_timeline WHERE ticket_id >= (SELECT floor(random() * max(ticket_id)) FROM ticket_timeline)"
                        + " AND " + kind[3] + " ORDER BY ticket_id LIMIT 1")) {
                    rs.next();
                    ticket = rs.getLong(1);
                }
                StringBuilder plan = new StringBuilder();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE) INSERT INTO audit_event (stream, seq,"
                        + " ticket_id, occurred_at, actor, action, from_status, to_status, changes, prev_hash, hash) VALUES ('ticket:" + ticket
                        + "', 100000, " + ticket + ", now(), 'bench', '" + kind[0] + "', " + kind[1] + ", " + kind[2] + ", '{}', repeat('0', 64),"
                        + " repeat('0', 64))")) {
                    while (rs.next()) plan.append(rs.getString(1)).append('\n');
                }
                c.rollback();
                Matcher m = trigger.matcher(plan), w = total.matcher(plan);
                spent[r] = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
                whole[r] = w.find() ? Double.parseDouble(w.group(1)) : Double.NaN;
            }
            System.out.printf("the rollup trigger, per %s event: %s, of the insert: %s%n", kind[0], stats(spent), stats(whole));
        }
        c.setAutoCommit(true);
    }

    private static double get(HttpClient http, String url, String token) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (response.statusCode() != 200) throw new IllegalStateException(url + ": HTTP " + response.statusCode() + " " + response.body());
        return ms;
    }

    /** The statement with its named parameters bound in order (as Hibernate binds them). */
    static PreparedStatement prepare(Connection c, String sql, Map<String, Object> values) throws SQLException {
        Matcher names = Pattern.compile("(?<!:):([a-z]+)\\b").matcher(sql);
        List<Object> bound = new ArrayList<>();
        while (names.find()) bound.add(values.get(names.group(1)));
        PreparedStatement statement = c.prepareStatement(names.replaceAll("?"));
        for (int i = 0; i < bound.size(); i++) statement.setObject(i + 1, bound.get(i));
        return statement;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String stats(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", median(v), v[(int) Math.ceil(0.99 * v.length) - 1], v[v.length - 1]);
    }

    private MetricsAtSize() {
    }
}
