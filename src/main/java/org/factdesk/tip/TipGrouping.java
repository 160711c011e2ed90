package org.factdesk.tip;

import org.factdesk.similar.ClaimMatch;

/**
 * Whether a new tip joins a group: by its words (shared lexemes and pg_trgm similarity at least the desk's
 * {@code factdesk.tips.group-threshold}, as before), or by its meaning ({@link ClaimMatch}'s score at least
 * {@link #MEANING_THRESHOLD}). Chosen on the tuning half of the labelled tip pairs (src/test/resources/tip/tip-pairs.jsonl;
 * {@code TipGroupingEvaluation} prints the figures, docs/matching-evaluation.md).
 */
final class TipGrouping {

    static final double MEANING_THRESHOLD = 0.35;

    /**
     * @param words the words' similarity when the texts share lexemes, null when they do not
     * @param meaning the cosine of their meanings, null when either was not read
     */
    static boolean joins(Double words, Double meaning, String group, String tip, double wordsThreshold) {
        return meaning != null ? score(meaning, words == null ? 0 : words, group, tip) >= MEANING_THRESHOLD
                : words != null && words >= wordsThreshold;
    }

    static double score(double meaning, double words, String group, String tip) {
        return ClaimMatch.of(meaning, words, group, tip).score();
    }

    /** How alike a joining tip and its group are, to choose among groups: by meaning when known, else by words. */
    static double strength(Double words, Double meaning, String group, String tip) {
        return meaning != null ? score(meaning, words == null ? 0 : words, group, tip) : words;
    }

    private TipGrouping() {
    }
}
