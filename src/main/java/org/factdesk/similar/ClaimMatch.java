package org.factdesk.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two texts state the same claim, and why: a logistic regression over the cosine of their meanings
 * (sentence embeddings) and whether the numbers they state differ, fitted on the tuning half of the labelled
 * claim pairs (src/test/resources/similar/claim-pairs.jsonl; figures on the other half in
 * docs/matching-evaluation.md, where {@code MatchingEvaluation} prints these weights). Their words (pg_trgm's
 * trigram similarity) find candidates and are shown, but are not weighed: texts that differ in one key word
 * ("petrol" and "diesel") share more words than rewordings of one claim do, so a weight on words came out
 * negative and would rank an exact copy below a rewording.
 */
public record ClaimMatch(double score, double meaning, double words, boolean numbersDiffer) {

    public static final double BIAS = -4.36;
    public static final double MEANING = 6.05;
    public static final double NUMBERS_DIFFER = -1.36;
    /** The score from which two texts count as the same claim (best F1 on the tuning half). */
    public static final double THRESHOLD = 0.335;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    public static ClaimMatch of(double meaning, double words, String a, String b) {
        boolean differ = numbersDiffer(a, b);
        double z = BIAS + MEANING * meaning + (differ ? NUMBERS_DIFFER : 0);
        return new ClaimMatch(1 / (1 + Math.exp(-z)), meaning, words, differ);
    }

    public boolean same() {
        return score >= THRESHOLD;
    }

    /** Both texts state numbers, and not the same ones ("1,000" and "1000" are the same). */
    public static boolean numbersDiffer(String a, String b) {
        Set<String> x = numbers(a), y = numbers(b);
        return !x.isEmpty() && !y.isEmpty() && !x.equals(y);
    }

    private static Set<String> numbers(String text) {
        Set<String> numbers = new TreeSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) numbers.add(m.group().replace(",", ""));
        return numbers;
    }

    /** Why, in the desk's words: each of the three, with its figure. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "%s meaning (%.2f)",
                meaning >= 0.8 ? "Same" : meaning >= 0.6 ? "Close" : "Different", meaning));
        reasons.add(String.format(Locale.ROOT, "%s words (%.2f)",
                words >= 0.5 ? "Mostly the same" : words >= 0.25 ? "Some shared" : "Few shared", words));
        if (numbersDiffer) reasons.add("States other numbers");
        return reasons;
    }
}
