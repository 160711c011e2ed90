package org.factdesk.tip;

import org.factdesk.similar.ClaimMatch;

import java.util.OptionalDouble;

/**
 * Whether a new tip joins a group: by its words (shared lexemes and pg_trgm similarity at least the desk's
 * {@code factdesk.tips.group-threshold}, as before), or by its meaning ({@link ClaimMatch}'s score at least
 * {@link #MEANING_THRESHOLD}). Chosen on the tuning half of the labelled tip pairs (src/test/resources/tip/tip-pairs.jsonl;
 * {@code TipGroupingEvaluation} prints the figures, docs/matching-evaluation.md).
 */
final class TipGrouping {

    static final double MEANING_THRESHOLD = 0.35;

    /** Whether the tip joins the group; see {@link #strength}. */
    static boolean joins(Double words, Double meaning, String group, String tip, double wordsThreshold) {
        return strength(words, meaning, group, tip, wordsThreshold).isPresent();
    }

    /**
     * How alike a tip and a group are, to choose among the groups it joins: by meaning when known, else by words;
     * empty when it does not join. One decision and one {@link ClaimMatch} per candidate.
     *
     * @param words the words' similarity when the texts share lexemes, null when they do not
     * @param meaning the cosine of their meanings, null when either was not read
     */
    static OptionalDouble strength(Double words, Double meaning, String group, String tip, double wordsThreshold) {
        if (meaning != null) {
            double score = score(meaning, words == null ? 0 : words, group, tip);
            return score >= MEANING_THRESHOLD ? OptionalDouble.of(score) : OptionalDouble.empty();
        }
        return words != null && words >= wordsThreshold ? OptionalDouble.of(words) : OptionalDouble.empty();
    }

    static double score(double meaning, double words, String group, String tip) {
        return ClaimMatch.of(meaning, words, group, tip).score();
    }

    private TipGrouping() {
    }
}
