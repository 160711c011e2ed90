package org.factdesk.intake.worthiness;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and pairs of adjacent words of a sentence, as the scorer weighs them: lower case, runs of two or
 * more letters or digits, and every run holding a digit read as one token, {@value #NUMBER}, so that "2019"
 * and "3.4" teach the model about numbers in general rather than about those numbers. Linear in the text.
 */
public final class WordGrams {

    public static final String NUMBER = "<num>";
    private static final Pattern TOKEN = Pattern.compile("(?U)\\b\\w\\w+\\b");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private WordGrams() {
    }

    /** How often each word and word pair occurs; {@code numbersAsOne} false keeps numbers as written. */
    public static Map<String, Integer> count(String text, boolean numbersAsOne) {
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        Map<String, Integer> counts = new HashMap<>();
        String previous = null;
        while (m.find()) {
            String token = numbersAsOne && DIGIT.matcher(m.group()).find() ? NUMBER : m.group();
            counts.merge(token, 1, Integer::sum);
            if (previous != null) counts.merge(previous + " " + token, 1, Integer::sum);
            previous = token;
        }
        return counts;
    }

    /** TF-IDF of the grams that have an idf, scaled to unit length (scikit-learn's TfidfVectorizer defaults). */
    public static Map<String, Double> tfidf(String text, Map<String, Double> idf) {
        Map<String, Double> vector = new HashMap<>();
        count(text, true).forEach((gram, n) -> {
            Double weight = idf.get(gram);
            if (weight != null) vector.put(gram, n * weight);
        });
        double norm = Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
        if (norm > 0) vector.replaceAll((gram, v) -> v / norm);
        return vector;
    }
}
