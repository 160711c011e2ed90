package org.factdesk.similar;

import org.factdesk.intake.worthiness.Lbfgs;
import org.factdesk.meaning.SentenceEmbeddings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The claim pairs scored by meaning, and by the shipped matcher ({@link ClaimMatch}: meaning, words and
 * numbers together): each pair's cosine of sentence embeddings, its trigram similarity and whether its numbers
 * differ. Refits the matcher's weights on the tuning half and prints them (the shipped ones are copied from
 * here), then reports the shipped matcher, and meaning alone at its best threshold on the tuning half, on the
 * test half. Part of {@link MatchingEvaluation}'s run.
 */
final class MeaningMatchingEvaluation {

    record Features(MatchingEvaluation.Pair pair, double meaning, double words) {
        ClaimMatch match() {
            return ClaimMatch.of(meaning, words, pair.a(), pair.b());
        }
    }

    static void report(List<MatchingEvaluation.Pair> pairs, Map<String, Double> trigram) {
        long start = System.nanoTime();
        List<Features> all = new ArrayList<>();
        for (MatchingEvaluation.Pair pair : pairs) {
            double cosine = SentenceEmbeddings.dot(SentenceEmbeddings.embed(pair.a()), SentenceEmbeddings.embed(pair.b()));
            all.add(new Features(pair, cosine, trigram.get(pair.id())));
        }
        System.out.printf("meaning: %d pairs embedded in %.1f s (%s)%n", pairs.size(), (System.nanoTime() - start) / 1e9,
                SentenceEmbeddings.MODEL);
        List<Features> tuning = all.stream().filter(f -> f.pair().tuning()).toList();
        List<Features> test = all.stream().filter(f -> !f.pair().tuning()).toList();

        // With the words too, their weight comes out negative (related pairs share more words than rewordings
        // do), which would rank an exact copy below a rewording: words find candidates and are shown, not weighed.
        List<Map<Integer, Double>> x = tuning.stream().map(f -> Map.of(0, f.meaning(),
                1, ClaimMatch.numbersDiffer(f.pair().a(), f.pair().b()) ? 1.0 : 0.0)).toList();
        double[] w = Lbfgs.fitLogistic(x, tuning.stream().mapToInt(f -> f.pair().same() ? 1 : 0).toArray(), 2, 100);
        double[] fitted = new double[tuning.size()];
        for (int i = 0; i < fitted.length; i++) fitted[i] = Lbfgs.predict(w, x.get(i));
        System.out.printf("matcher refitted on the tuning half: bias %.2f, meaning %.2f, numbers differ %.2f;"
                + " best threshold there %.3f%n", w[2], w[0], w[1], best(tuning, fitted));

        double[] shipped = test.stream().mapToDouble(f -> f.match().score()).toArray();
        System.out.printf("shipped matcher (ClaimMatch, threshold %.2f), test half: %s%n", ClaimMatch.THRESHOLD,
                counts(test, shipped, ClaimMatch.THRESHOLD));
        double[] meaningTuning = tuning.stream().mapToDouble(Features::meaning).toArray();
        double meaningThreshold = best(tuning, meaningTuning);
        System.out.printf("meaning alone (cosine at %.3f, chosen on the tuning half), test half: %s%n", meaningThreshold,
                counts(test, test.stream().mapToDouble(Features::meaning).toArray(), meaningThreshold));
        for (String label : List.of("same", "related", "different")) {
            double[] values = all.stream().filter(f -> f.pair().label().equals(label)).mapToDouble(Features::meaning).sorted().toArray();
            System.out.printf("meaning: cosine median of %-9s %.3f%n", label, values[values.length / 2]);
        }
        if (Boolean.getBoolean("matching.misses")) {
            for (Features f : test) {
                ClaimMatch m = f.match();
                if (m.same() != f.pair().same()) {
                    System.out.printf("  %s %-9s %.2f %s | %s | %s%n", f.pair().id(), f.pair().label(), m.score(), m.reasons(),
                            f.pair().a(), f.pair().b());
                }
            }
        }
    }

    /** The threshold (grid 0.005) with the best F1 of "same claim". */
    private static double best(List<Features> part, double[] scores) {
        double best = 0, bestF1 = -1;
        for (int i = 0; i * MatchingEvaluation.GRID <= 1.0 + 1e-9; i++) {
            double t = Math.round(i * MatchingEvaluation.GRID * 1000) / 1000.0;
            double f1 = counts(part, scores, t).f1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    private static MatchingEvaluation.Counts counts(List<Features> part, double[] scores, double threshold) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < part.size(); i++) {
            boolean match = scores[i] >= threshold, same = part.get(i).pair().same();
            if (match && same) tp++;
            else if (match) fp++;
            else if (same) fn++;
            else tn++;
        }
        return new MatchingEvaluation.Counts(tp, fp, fn, tn);
    }

    private MeaningMatchingEvaluation() {
    }
}
