package org.factdesk.deskmetrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One day's figures in one scope, as kept in {@code desk_metrics_day} (JSON) once the day is over: the tickets first
 * published that day (counts, each stage's histogram, the keys of each breakdown, tips asked about each), those
 * first claimed that day, the public's first answers sent that day, and the backlog at its end (the desk's scope
 * only). Days add up to a period ({@link #add}).
 */
final class DayFigures {

    public long published;
    public long sentBack;
    public long sentBackTickets;
    public long corrected;
    public long retracted;
    public long claimed;
    /** By stage name: timeToClaim over the claimed, the others over the published. */
    public Map<String, Histogram> stages = new LinkedHashMap<>();
    /** By breakdown (person, topic, rating, language): [key or null, count] pairs. */
    public Map<String, List<Object[]>> keys = new LinkedHashMap<>();
    /** Tips asked about each fact-check first published that day (whole counts). */
    public Histogram tipsPerClaim = new Histogram();
    public Histogram timeToAnswer = new Histogram();
    public Long backlog;
    public Long overdue;

    Histogram stage(String name) {
        return stages.computeIfAbsent(name, n -> new Histogram());
    }

    /** While a day is computed: each breakdown's pairs by key (not stored; the pairs are). */
    private final transient Map<String, Map<String, Object[]>> pairs = new HashMap<>();

    void count(String dimension, String key) {
        Object[] pair = pairs.computeIfAbsent(dimension, d -> new HashMap<>()).computeIfAbsent(key, k -> {
            Object[] fresh = {k, 0L};
            keys.computeIfAbsent(dimension, d -> new ArrayList<>()).add(fresh);
            return fresh;
        });
        pair[1] = (Long) pair[1] + 1;
    }

    /** One breakdown's counts by key, the tickets without one under null. */
    Map<String, Long> counts(String dimension) {
        Map<String, Long> counts = new TreeMap<>(java.util.Comparator.nullsLast(String::compareTo));
        for (Object[] pair : keys.getOrDefault(dimension, List.of())) {
            counts.merge((String) pair[0], ((Number) pair[1]).longValue(), Long::sum);
        }
        return counts;
    }

    /** Adds another day's figures (not the backlog, which is each day's own). */
    void add(DayFigures day) {
        published += day.published;
        sentBack += day.sentBack;
        sentBackTickets += day.sentBackTickets;
        corrected += day.corrected;
        retracted += day.retracted;
        claimed += day.claimed;
        day.stages.forEach((name, histogram) -> stage(name).add(histogram));
        tipsPerClaim.add(day.tipsPerClaim);
        timeToAnswer.add(day.timeToAnswer);
    }
}
