package org.factdesk.deskmetrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

import java.time.LocalDate;
import java.util.List;

/**
 * The desk's figures for a period, all computed from the audit trail (tips' from the tip tables, which keep the
 * public's messages out of the trail): how long each stage takes, as the median and the 90th percentile, how
 * often work is sent back, corrected or retracted, how many fact-checks go out, and the backlog.
 */
public record DeskMetricsView(Period period,
                              @Schema(maxItems = Duration.NAMES) List<Duration> durations,
                              Rates rates,
                              Throughput throughput,
                              @Schema(maxItems = DeskMetrics.MAX_DAYS, description = "Desk scope only; null for one's own figures.")
                              List<BacklogDay> backlog,
                              @Schema(description = "Desk scope only; null for one's own figures.") Tips tips) {

    /** {@code from} and {@code to} are whole days in {@code timeZone}, both included. */
    @Schema(name = "MetricsPeriod")
    public record Period(LocalDate from, LocalDate to,
                         @Schema(maxLength = 64) String timeZone,
                         @Schema(enumeration = {"desk", "own"}, maxLength = 4) String scope,
                         @Schema(maxLength = Limits.SUBJECT_MAX, description = "Whose figures, in the own scope.") String person) {
    }

    /**
     * A stage's length in seconds over the tickets it counts: {@code timeToClaim} (opened to first claimed; tickets
     * first claimed in the period), then over the tickets first published in the period: {@code inProgress} and
     * {@code review} (time in each status before that publication), {@code toPublish} (last approval to
     * publication) and {@code endToEnd} (opened to published). Percentiles interpolate between neighbours
     * (as PostgreSQL's percentile_cont), read from histograms of 2 % bins: within 1 % of the exact value; null when
     * no ticket counts.
     */
    @Schema(name = "StageDuration")
    public record Duration(@Schema(maxLength = 16) String name,
                           @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long tickets,
                           @Schema(minimum = Limits.ZERO_TEXT) Double p50Seconds,
                           @Schema(minimum = Limits.ZERO_TEXT) Double p90Seconds) {
        static final int NAMES = 5;
    }

    /**
     * Over the tickets first published in the period: {@code sentBack} requests for changes before publication
     * ({@code reworkRate} = sentBack / published; {@code sentBackTickets} those sent back at least once), and
     * how many of them have since been corrected or retracted.
     */
    @Schema(name = "MetricsRates")
    public record Rates(@Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long published,
                        @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long sentBack,
                        @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long sentBackTickets,
                        @Schema(minimum = Limits.ZERO_TEXT) Double reworkRate,
                        @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long corrected,
                        @Schema(minimum = Limits.ZERO_TEXT, maximum = "1") Double correctionRate,
                        @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long retracted,
                        @Schema(minimum = Limits.ZERO_TEXT, maximum = "1") Double retractionRate) {
    }

    /**
     * Fact-checks first published per day or week (weeks begin on Monday), in all and by the fact-checker who
     * submitted them, topic (a fact-check counts under each of its topics), rating and language: for each, the
     * period's {@link DeskMetrics#TOP_KEYS} most frequent keys, the rest together under a null key.
     */
    public record Throughput(@Schema(enumeration = {"day", "week"}, maxLength = 4) String bucket,
                             @Schema(maxItems = DeskMetrics.MAX_DAYS) List<Bucket> all,
                             @Schema(maxItems = DeskMetrics.MAX_KEYED_ROWS) List<KeyedBucket> byPerson,
                             @Schema(maxItems = DeskMetrics.MAX_KEYED_ROWS) List<KeyedBucket> byTopic,
                             @Schema(maxItems = DeskMetrics.MAX_KEYED_ROWS) List<KeyedBucket> byRating,
                             @Schema(maxItems = DeskMetrics.MAX_KEYED_ROWS) List<KeyedBucket> byLanguage) {
    }

    @Schema(name = "ThroughputBucket")
    public record Bucket(LocalDate start, @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long count) {
    }

    @Schema(name = "KeyedThroughputBucket")
    public record KeyedBucket(LocalDate start, @Schema(maxLength = Limits.SUBJECT_MAX) String key,
                              @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long count) {
    }

    /** At the end of the day: tickets not yet out (open, in progress, in review, approved), and those past their deadline. */
    public record BacklogDay(LocalDate day,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long backlog,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long overdue) {
    }

    /**
     * {@code perClaim}: tips asked about each fact-check first published in the period (its claim's groups);
     * {@code timeToAnswer}: received to the first answer sent, for tips first answered in the period.
     */
    @Schema(name = "TipFigures")
    public record Tips(Spread perClaim, Duration timeToAnswer) {
    }

    @Schema(name = "TipSpread")
    public record Spread(@Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long claims,
                         @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long tips,
                         @Schema(minimum = Limits.ZERO_TEXT) Double mean,
                         @Schema(minimum = Limits.ZERO_TEXT) Double p50,
                         @Schema(minimum = Limits.ZERO_TEXT) Double p90) {
    }
}
