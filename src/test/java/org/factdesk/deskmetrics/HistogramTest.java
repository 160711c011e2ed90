package org.factdesk.deskmetrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Percentiles read from bins, against the exact ones over the values themselves (DeskMetricsTest.percentile). */
class HistogramTest {

    @Test
    void durationsFromAMillisecondToAYearAreReadWithinOnePercent() {
        Random random = new Random(20261203);
        for (int round = 0; round < 50; round++) {
            List<Double> values = new ArrayList<>();
            Histogram whole = new Histogram(), firstHalf = new Histogram(), secondHalf = new Histogram();
            int n = 1 + random.nextInt(2000);
            for (int i = 0; i < n; i++) {
                double seconds = Math.exp(Math.log(0.001) + random.nextDouble() * Math.log(3.2e10)); // 1 ms to a year, log-uniform
                values.add(seconds);
                whole.add(Histogram.Bins.SECONDS, seconds);
                (i % 2 == 0 ? firstHalf : secondHalf).add(Histogram.Bins.SECONDS, seconds);
            }
            Histogram days = new Histogram();
            days.add(firstHalf);
            days.add(secondHalf);
            for (double q : new double[]{0.5, 0.9, 0.99}) {
                double exact = DeskMetricsTest.percentile(values, q);
                for (Histogram h : List.of(whole, days)) {
                    double read = h.percentile(Histogram.Bins.SECONDS, q);
                    assertTrue(Math.abs(read - exact) <= 0.01 * exact, "q " + q + " of " + n + ": " + exact + " read as " + read);
                }
            }
        }
    }

    @Test
    void underAMillisecondReadsAsNothingAndCountsAreExact() {
        Histogram tiny = new Histogram();
        tiny.add(Histogram.Bins.SECONDS, 0.0004);
        assertEquals(0.0, tiny.percentile(Histogram.Bins.SECONDS, 0.5));
        assertNull(new Histogram().percentile(Histogram.Bins.SECONDS, 0.5));

        Histogram tips = new Histogram();
        List<Double> values = List.of(0.0, 0.0, 1.0, 3.0, 7.0, 12.0);
        values.forEach(v -> tips.add(Histogram.Bins.COUNTS, v));
        assertEquals(DeskMetricsTest.percentile(values, 0.5), tips.percentile(Histogram.Bins.COUNTS, 0.5));
        assertEquals(DeskMetricsTest.percentile(values, 0.9), tips.percentile(Histogram.Bins.COUNTS, 0.9));
        assertEquals(23, tips.sum());
    }

    @Test
    void aDayReadsBackAsItWasKept() throws Exception {
        DayFigures day = new DayFigures();
        day.published = 2;
        day.stage("endToEnd").add(Histogram.Bins.SECONDS, 3600);
        day.stage("endToEnd").add(Histogram.Bins.SECONDS, 86400);
        day.count("person", "alice");
        day.count("person", null);
        day.count("person", "alice");
        day.backlog = 4L;
        ObjectMapper json = DeskMetrics.JSON;
        DayFigures read = json.readValue(json.writeValueAsString(day), DayFigures.class);
        assertEquals(2, read.published);
        assertArrayEquals(day.stage("endToEnd").stored(), read.stage("endToEnd").stored());
        assertEquals(day.counts("person"), read.counts("person"));
        assertEquals(2L, read.counts("person").get("alice"));
        assertEquals(1L, read.counts("person").get(null));
        assertEquals(4L, read.backlog);
        assertNull(read.overdue);
    }
}
