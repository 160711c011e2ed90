package org.factdesk.similar;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The claim pairs scored by meaning instead of words: the cosine of the two texts' sentence embeddings
 * (all-MiniLM-L6-v2, quantized, in process — the candidate model of issue 19), with the threshold
 * chosen on the tuning half and the figures reported on the test half, as {@link MatchingEvaluation}
 * does for the lexical matcher. Run: {@code ./mvnw -q -B -o -Pevaluate-matching process-test-classes
 * -Dmatching.meaning=true}.
 */
public final class MeaningMatchingEvaluation {

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        List<MatchingEvaluation.Pair> pairs = MatchingEvaluation.pairs();
        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        long start = System.nanoTime();
        List<MatchingEvaluation.Scored> scored = new ArrayList<>();
        for (MatchingEvaluation.Pair pair : pairs) {
            float[] a = model.embed(pair.a()).content().vector();
            float[] b = model.embed(pair.b()).content().vector();
            // The lexeme condition is the lexical matcher's; here every pair is a candidate.
            scored.add(new MatchingEvaluation.Scored(pair, true, cosine(a, b)));
        }
        System.out.printf("meaning: %d pairs embedded in %.1f s (%.1f ms a text)%n", pairs.size(),
                (System.nanoTime() - start) / 1e9, (System.nanoTime() - start) / 1e6 / (2.0 * pairs.size()));
        List<MatchingEvaluation.Scored> tuning = scored.stream().filter(x -> x.pair().tuning()).toList();
        List<MatchingEvaluation.Scored> test = scored.stream().filter(x -> !x.pair().tuning()).toList();
        double best = 0, bestF1 = -1;
        for (double t = 0; t <= 1.0001; t += MatchingEvaluation.GRID) {
            double f1 = MatchingEvaluation.counts(tuning, t).f1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        System.out.printf("meaning: threshold %.3f chosen on the tuning half (F1 %.3f there)%n", best, bestF1);
        System.out.printf("meaning: test half at %.3f: %s%n", best, MatchingEvaluation.counts(test, best));
        for (String label : List.of("same", "related", "different")) {
            double[] values = scored.stream().filter(x -> x.pair().label().equals(label))
                    .mapToDouble(MatchingEvaluation.Scored::similarity).sorted().toArray();
            System.out.printf("meaning: cosine median of %-9s %.3f%n", label, values[values.length / 2]);
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private MeaningMatchingEvaluation() {
    }
}
