package org.factdesk.meaning;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How long the parts of a search by meaning take at size: embedding the query (the sample sentences below),
 * and the exact scan of {@link VectorIndex} over 100,000 stored claims ({@code -Drows=…}), with the heap the
 * index takes. The stored vectors are random unit vectors: a scan reads every one whatever they hold. Prints
 * "meaning:" lines; run by {@code bench/meaning.sh}.
 */
public final class MeaningBenchmark {

    private static final List<String> QUERIES = List.of(
            "The city now spends twice as much on roads as four years ago.",
            "Unemployment in the region fell to 5.1 percent last year, the statistics office said.",
            "The new bridge cost 30 million euros more than planned.",
            "Fewer than one in ten reported burglaries end in a conviction.");

    public static void main(String[] args) {
        int rows = Integer.getInteger("rows", 100_000);
        int queries = Integer.getInteger("queries", 200);
        Random random = new Random(42);

        long start = System.nanoTime();
        SentenceEmbeddings.embed("warm up");
        System.out.printf("meaning: model loaded in %.2f s%n", (System.nanoTime() - start) / 1e9);
        double[] embedMs = new double[queries];
        for (int i = 0; i < queries; i++) {
            long t = System.nanoTime();
            SentenceEmbeddings.embed(QUERIES.get(i % QUERIES.size()) + " " + i);
            embedMs[i] = (System.nanoTime() - t) / 1e6;
        }
        print("embedding a query", embedMs);

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        VectorIndex index = new VectorIndex(SentenceEmbeddings.DIMENSIONS);
        float[] vector = new float[SentenceEmbeddings.DIMENSIONS];
        for (int row = 0; row < rows; row++) {
            double norm = 0;
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) random.nextGaussian();
                norm += vector[i] * vector[i];
            }
            for (int i = 0; i < vector.length; i++) vector[i] /= (float) Math.sqrt(norm);
            index.put(row + 1, vector);
        }
        System.gc();
        System.out.printf("meaning: index of %,d claims takes %.0f MB of heap%n", rows,
                (runtime.totalMemory() - runtime.freeMemory() - before) / 1e6);

        float[] query = SentenceEmbeddings.embed(QUERIES.get(0));
        for (int i = 0; i < 20; i++) index.nearest(query, 50); // compiled before timing
        double[] scanMs = new double[queries];
        for (int i = 0; i < queries; i++) {
            long t = System.nanoTime();
            index.nearest(query, 50);
            scanMs[i] = (System.nanoTime() - t) / 1e6;
        }
        print("exact scan for the 50 nearest of " + String.format("%,d", rows), scanMs);
    }

    private static void print(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("meaning: %s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d runs)%n", what,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)], sorted[(int) (sorted.length * 0.99)],
                sorted[sorted.length - 1], sorted.length);
    }

    private MeaningBenchmark() {
    }
}
