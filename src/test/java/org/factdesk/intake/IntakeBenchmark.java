package org.factdesk.intake;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In-process cost of intake on the largest article the API takes (500,000 characters): CPU time of the analysing
 * thread for normalising and analysing an ordinary article (the sample article repeated) and adversarial ones
 * (texts built to make patterns backtrack or to form one endless sentence), with ranges over several runs.
 * A benchmark, not a test: it prints figures and never fails.
 * <p>
 * Run: {@code bench/intake.sh} (options: {@code -Dbench.chars=500000 -Dbench.runs=5 -Dbench.sample=path}).
 */
public final class IntakeBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException {
        int chars = Integer.getInteger("bench.chars", 500_000);
        int runs = Integer.getInteger("bench.runs", 5);
        Path samplePath = Path.of(System.getProperty("bench.sample", "../shared/samples/articles/000_d0cad9f05387f2a1.txt"));
        String sample = Files.isReadable(samplePath) ? Files.readString(samplePath)
                : new String(IntakeBenchmark.class.getResourceAsStream("/demo/sample-article.txt").readAllBytes());
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("ordinary (sample article repeated)", AdversarialTexts.repeat(sample + "\n\n", chars));
        for (String unit : new String[] {"according to x ", "people familiar with the talks ", "said Smith, a senior official ",
                "some ", "a ", ", ", ". ", "a", "“x” ", "?” Smith said "}) {
            texts.put("'" + unit + "' repeated", AdversarialTexts.repeat(unit, chars));
        }
        texts.put("nested HTML '<b>x'", "<html><body>" + AdversarialTexts.repeat("<b>x", chars - 12));

        TextAnalysis analysis = new TextAnalysis();
        System.out.printf("intake analysis, %,d characters, CPU time of the analysing thread over %d runs (after one warm-up run)%n",
                chars, runs);
        System.out.printf("%-40s %10s %10s %10s %10s%n", "text", "sentences", "min s", "median s", "max s");
        double ordinary = 0;
        double worst = 0;
        String worstName = "";
        for (var text : texts.entrySet()) {
            int sentences = analysis.analyse(AdversarialTexts.plain(text.getValue()), "en").size();
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = THREADS.getCurrentThreadCpuTime();
                analysis.analyse(AdversarialTexts.plain(text.getValue()), "en");
                seconds[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            double median = seconds[runs / 2];
            System.out.printf("%-40s %10d %10.2f %10.2f %10.2f%n", text.getKey(), sentences, seconds[0], median, seconds[runs - 1]);
            if (ordinary == 0) {
                ordinary = median;
            } else if (median > worst) {
                worst = median;
                worstName = text.getKey();
            }
        }
        System.out.printf("worst adversarial: %s, %.2f s (target under 2 s); %.2f x the ordinary article (target at most 1.5)%n",
                worstName, worst, worst / ordinary);
    }
}
