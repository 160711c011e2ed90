package org.factdesk.deskmetrics;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One ticket as its audit events tell it: the second implementation of the fold of migration V26
 * ({@code desk_metrics_fold}), written from the definitions in {@link DeskMetricsView}; {@link DeskMetricsTest}
 * recomputes every figure with it, and the benchmark's seeder writes the rollups it computes.
 */
final class Timeline {

    /** A span of time in one status with one deadline; {@code end} null while it lasts. */
    record Span(String status, Instant deadline, Instant start, Instant end) {
    }

    Instant opened, since, deadline, firstClaimed, approved, firstPublished, corrected, retracted;
    String status, checker;
    double inProgress, review;
    int sentBack;
    final List<Span> spans = new ArrayList<>();

    /** The timeline begun by a ticket's opening event. */
    static Timeline opened(Instant at, String status, JsonNode changes) {
        Timeline t = new Timeline();
        t.opened = at;
        t.since = at;
        t.status = status;
        t.deadline = instant(changes.path("deadline"));
        t.spans.add(new Span(status, t.deadline, at, null));
        return t;
    }

    /** Folds in the ticket's next event. */
    void apply(Instant at, String actor, String action, String to, JsonNode changes) {
        String next = to != null ? to : status;
        Instant nextDeadline = action.equals("ticket.triaged") && changes.has("deadline")
                ? instant(changes.path("deadline").path("after")) : deadline;
        boolean before = firstPublished == null;
        if (!next.equals(status)) {
            double spent = Duration.between(since, at).toNanos() / 1e9;
            if (before && status.equals("IN_PROGRESS")) inProgress += spent;
            if (before && status.equals("IN_REVIEW")) review += spent;
        }
        if (firstClaimed == null && next.equals("IN_PROGRESS")) firstClaimed = at;
        if (before && action.equals("ticket.request-changes")) sentBack++;
        if (before && action.equals("ticket.approve")) approved = at;
        if (before && action.equals("ticket.submit")) checker = actor;
        if (action.equals("ticket.publish")) {
            if (before) firstPublished = at;
            else if (corrected == null) corrected = at;
        }
        if (action.equals("ticket.retract") && retracted == null) retracted = at;
        if (!next.equals(status) || !Objects.equals(nextDeadline, deadline)) {
            Span last = spans.remove(spans.size() - 1);
            spans.add(new Span(last.status(), last.deadline(), last.start(), at));
            spans.add(new Span(next, nextDeadline, at, null));
        }
        if (!next.equals(status)) since = at;
        status = next;
        deadline = nextDeadline;
    }

    private static Instant instant(JsonNode value) {
        return value.isTextual() ? OffsetDateTime.parse(value.asText()).toInstant() : null;
    }
}
