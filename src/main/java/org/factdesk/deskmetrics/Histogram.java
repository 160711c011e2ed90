package org.factdesk.deskmetrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many values fell in each bin, so that days add up and any period's percentiles come from its days' bins.
 * Durations fall in bins 2 % wide ({@link Bins#SECONDS}): a percentile read from them is within 1 % of the exact
 * one (or 1 ms, below a millisecond). Whole counts (tips per claim) are their own bins ({@link Bins#COUNTS}): exact.
 * Stored as [bin, count, bin, count, …].
 */
final class Histogram {

    /** How values fall in bins and what a bin reads as. */
    enum Bins {
        /** Bin i holds durations in [1 ms × GROWTH^i, 1 ms × GROWTH^(i+1)), read as its geometric middle; bin -1 those under 1 ms. */
        SECONDS {
            long bin(double seconds) {
                return seconds < SMALLEST ? -1 : (long) Math.floor(Math.log(seconds / SMALLEST) / LOG_GROWTH);
            }

            double value(long bin) {
                return bin < 0 ? 0 : SMALLEST * Math.pow(GROWTH, bin + 0.5);
            }
        },
        /** Whole counts, each its own bin. */
        COUNTS {
            long bin(double count) {
                return Math.round(count);
            }

            double value(long bin) {
                return bin;
            }
        };

        abstract long bin(double value);

        abstract double value(long bin);
    }

    static final double GROWTH = 1.02;
    private static final double SMALLEST = 0.001;
    private static final double LOG_GROWTH = Math.log(GROWTH);

    private final TreeMap<Long, Long> bins = new TreeMap<>();
    private long total;

    void add(Bins kind, double value) {
        add(kind.bin(value), 1);
    }

    void add(Histogram other) {
        other.bins.forEach(this::add);
    }

    private void add(long bin, long count) {
        bins.merge(bin, count, Long::sum);
        total += count;
    }

    long total() {
        return total;
    }

    /** The sum of the values, for whole counts. */
    long sum() {
        return bins.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
    }

    /** As PostgreSQL's percentile_cont: between the values of the closest ranks, each read as its bin's value. */
    Double percentile(Bins kind, double q) {
        if (total == 0) return null;
        double position = q * (total - 1);
        long lower = (long) Math.floor(position);
        double low = kind.value(binAt(lower)), high = kind.value(binAt((long) Math.ceil(position)));
        return low + (position - lower) * (high - low);
    }

    private long binAt(long rank) {
        long seen = 0;
        for (Map.Entry<Long, Long> bin : bins.entrySet()) {
            seen += bin.getValue();
            if (rank < seen) return bin.getKey();
        }
        throw new IllegalStateException("rank " + rank + " of " + total);
    }

    @JsonValue
    long[] stored() {
        long[] flat = new long[bins.size() * 2];
        int i = 0;
        for (Map.Entry<Long, Long> bin : bins.entrySet()) {
            flat[i++] = bin.getKey();
            flat[i++] = bin.getValue();
        }
        return flat;
    }

    @JsonCreator
    static Histogram stored(long[] flat) {
        Histogram h = new Histogram();
        for (int i = 0; i + 1 < flat.length; i += 2) h.add(flat[i], flat[i + 1]);
        return h;
    }
}
