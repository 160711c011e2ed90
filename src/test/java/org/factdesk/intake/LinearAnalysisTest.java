package org.factdesk.intake;

import org.factdesk.intake.text.SentenceSplitter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Analysis time grows linearly with the text, for texts built to make patterns backtrack: four times the text
 * may cost at most {@link #MAX_GROWTH} times the CPU time (quadratic work gives 16). Measured as CPU time of this
 * thread, median of a few runs, each run long enough to be above timer noise; no assertion on absolute speed.
 * What must grow linearly is the article: within one sentence the work may grow faster (the part-of-speech
 * tagger's does, measured 10× for 4× at 250 → 1,000 characters), but a sentence is capped at
 * {@link SentenceSplitter#MAX_SENTENCE_CHARS}, so that cost is bounded. Every trigger phrase and structural text
 * is therefore measured from one capped sentence to four, and the structural ones and the issue's own finding
 * again at larger sizes (anything that rescans the text, or a missing cap, shows there).
 */
class LinearAnalysisTest {

    static final double MAX_GROWTH = 8;
    static final int RUNS = 3;

    final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** Compiled code before the first measurement: a cold JIT would make the first small text look slow. */
    @BeforeAll
    static void warmUp() {
        TextAnalysis analysis = new TextAnalysis();
        for (int i = 0; i < 3; i++) {
            analysis.analyse(AdversarialTexts.plain(AdversarialTexts.repeat("The minister said on Monday that 4.2 million"
                    + " euros, according to officials familiar with the talks, had been spent. ", 20_000)), "en");
        }
    }

    @Test
    void everyTriggerPhraseCostsLinearTimeFromOneSentenceToFour() {
        List<AdversarialTexts.Generator> generators = new ArrayList<>(AdversarialTexts.phraseGenerators());
        generators.addAll(AdversarialTexts.structuralGenerators());
        assertTrue(generators.size() > 100, "phrases were found in the intake classes: " + generators.size());
        assertLinear(generators, SentenceSplitter.MAX_SENTENCE_CHARS);
    }

    /** Texts that make one endless sentence without a cap: a token, words, punctuation, quotations, HTML. */
    static final List<String> ONE_SENTENCE_UNITS = List.of("a", "Aaaa ", "a ", "1 ", ". ", ", ", "“x” ", "?” Smith said ",
            "according to x ", "people familiar with the talks ");

    @Test
    void endlessSentencesCostLinearTimeAcrossSentences() {
        List<AdversarialTexts.Generator> generators = new ArrayList<>();
        for (String unit : ONE_SENTENCE_UNITS) {
            generators.add(new AdversarialTexts.Generator("'" + unit + "' repeated", n -> AdversarialTexts.repeat(unit, n)));
        }
        generators.add(new AdversarialTexts.Generator("nested HTML", n -> "<html><body>" + AdversarialTexts.repeat("<b>x", n - 12)));
        // Large enough that the small text is several capped sentences and the large one, uncapped, would be a
        // single sentence of 16,000 characters.
        assertLinear(generators, SentenceSplitter.MAX_SENTENCE_CHARS * 4);
    }

    /** The finding of issue 13: a source phrase repeated with no punctuation took 1.1 s at 10,000 characters and
     *  22 s at 80,000; quadratic work only dominates at such lengths. */
    @Test
    void aRepeatedSourcePhraseCostsLinearTime() {
        assertLinear(List.of(new AdversarialTexts.Generator("'according to x ' repeated",
                n -> AdversarialTexts.repeat("according to x ", n))), 16_000);
    }

    /**
     * Each generator is measured on its own thread's CPU time, so the generators are measured on all cores at once
     * (one test JVM would otherwise leave the second core idle for minutes); each thread has its own analysis.
     */
    private void assertLinear(List<AdversarialTexts.Generator> generators, int n) {
        ThreadLocal<TextAnalysis> analyses = ThreadLocal.withInitial(TextAnalysis::new);
        List<Double> growths = generators.parallelStream().map(generator -> {
            double growth = growth(analyses.get(), generator, n, RUNS);
            // A loaded machine can spoil one measurement: measure again, longer, before calling it super-linear.
            return growth < MAX_GROWTH ? growth : Math.min(growth, growth(analyses.get(), generator, n, RUNS + 2));
        }).toList();
        List<String> failures = new ArrayList<>();
        int worst = 0;
        for (int i = 0; i < generators.size(); i++) {
            if (growths.get(i) > growths.get(worst)) {
                worst = i;
            }
            if (growths.get(i) >= MAX_GROWTH) {
                failures.add(String.format("%s: time(%d)/time(%d) = %.1f", generators.get(i).name(), 4 * n, n, growths.get(i)));
            }
        }
        System.out.printf("%d texts of %d and %d characters: largest growth %.1f (%s)%n", generators.size(), n, 4 * n,
                growths.get(worst), generators.get(worst).name());
        assertTrue(failures.isEmpty(), "super-linear analysis:\n" + String.join("\n", failures));
    }

    private double growth(TextAnalysis analysis, AdversarialTexts.Generator generator, int n, int runs) {
        String small = AdversarialTexts.plain(generator.text().apply(n));
        String large = AdversarialTexts.plain(generator.text().apply(4 * n));
        analysis.analyse(small, "en");
        // The small text is analysed four times per measurement, as much work as the large one: a few
        // milliseconds alone are too close to the timer's and the JIT's noise.
        long[] smallTimes = new long[runs];
        long[] largeTimes = new long[runs];
        for (int i = 0; i < runs; i++) {
            smallTimes[i] = cpuTimePerAnalysis(analysis, small, 4);
            largeTimes[i] = cpuTimePerAnalysis(analysis, large, 1);
        }
        return (double) median(largeTimes) / Math.max(1, median(smallTimes));
    }

    private long cpuTimePerAnalysis(TextAnalysis analysis, String text, int repetitions) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < repetitions; i++) {
            analysis.analyse(text, "en");
        }
        return (threads.getCurrentThreadCpuTime() - start) / repetitions;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
