package org.factdesk.deskmetrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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

    /** counts[i] values in bin i + {@link #LOWEST}; grown as bins are used (durations use about 1,200). */
    private static final long LOWEST = -1;
    private long[] counts = new long[0];
    private long total;

    void add(Bins kind, double value) {
        add(kind.bin(value), 1);
    }

    void add(Histogram other) {
        grow(other.counts.length);
        for (int i = 0; i < other.counts.length; i++) counts[i] += other.counts[i];
        total += other.total;
    }

    private void add(long bin, long count) {
        if (bin < LOWEST || bin > 1_000_000) throw new IllegalArgumentException("no bin " + bin);
        int i = (int) (bin - LOWEST);
        grow(i + 1);
        counts[i] += count;
        total += count;
    }

    private void grow(int size) {
        if (counts.length < size) counts = java.util.Arrays.copyOf(counts, Math.max(size, counts.length * 2));
    }

    long total() {
        return total;
    }

    /** The sum of the values, for whole counts. */
    long sum() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) sum += (i + LOWEST) * counts[i];
        return sum;
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
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (rank < seen) return i + LOWEST;
        }
        throw new IllegalStateException("rank " + rank + " of " + total);
    }

    @JsonValue
    long[] stored() {
        int used = 0;
        for (long c : counts) if (c != 0) used++;
        long[] flat = new long[used * 2];
        int j = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                flat[j++] = i + LOWEST;
                flat[j++] = counts[i];
            }
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
