package org.factdesk.intake.sourcing;

import java.util.ArrayList;
import java.util.List;

/**
 * Words a pattern cannot match without: at least one word of every group must occur in the sentence. Checking
 * them first (a few {@code indexOf}s over the lower-cased sentence) skips most patterns for most sentences, and
 * never changes a result as long as every match of the pattern contains such a word — the "required literal"
 * prefilter of regular-expression engines such as RE2. {@code SourcingSignalsTest} checks on a corpus where every
 * rule fires that the results are the same with and without it.
 */
record Keywords(List<List<String>> groups) {

    /** For a pattern that may match anywhere. */
    static final Keywords ANY = new Keywords(List.of());

    static Keywords anyOf(String... words) {
        return anyOf(List.of(words));
    }

    static Keywords anyOf(List<String> words) {
        return ANY.and(words);
    }

    /** These keywords, and also one of {@code words}. */
    Keywords and(List<String> words) {
        List<List<String>> more = new ArrayList<>(groups);
        more.add(List.copyOf(words));
        return new Keywords(List.copyOf(more));
    }

    /** False only when the pattern cannot match {@code lower}, a sentence lower-cased by {@link #lower}. */
    boolean mayOccurIn(String lower) {
        for (List<String> group : groups) {
            if (group.stream().noneMatch(lower::contains)) {
                return false;
            }
        }
        return true;
    }

    /** Folded character by character the way a CASE_INSENSITIVE | UNICODE_CASE pattern compares characters (so "ſ"
     *  and "İ" still count as "s" and "i"), which {@code String.toLowerCase} does not do. */
    static String lower(String sentence) {
        char[] chars = sentence.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }
}
