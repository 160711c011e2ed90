package org.factdesk.intake.sourcing;

import org.factdesk.intake.text.Sentence;
import org.factdesk.intake.text.SentenceSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keyword prefilter never changes a result: on a corpus where every pattern of the sourcing rules and of the
 * attribution matches at least once (the examples of the sourcing and attribution tests and the sample article,
 * each also in upper and title case), every match occurs in a sentence that holds the pattern's keywords.
 */
class KeywordsTest {

    @Test
    void everyMatchHoldsItsPatternsKeywords() throws IOException {
        List<String> corpus = corpus();
        Map<Pattern, Keywords> guarded = new LinkedHashMap<>();
        SignalRules.RULES.forEach(rule -> guarded.put(rule.pattern(), rule.keywords()));
        guarded.putAll(Attribution.guardedPatterns());

        List<String> neverMatched = new ArrayList<>();
        guarded.forEach((pattern, keywords) -> {
            boolean matched = false;
            for (String sentence : corpus) {
                Matcher m = pattern.matcher(sentence);
                if (m.find()) {
                    matched = true;
                    assertTrue(keywords.mayOccurIn(Keywords.lower(sentence)),
                            () -> "keywords " + keywords.groups() + " missing, yet " + pattern + " matched «" + m.group() + "» in: " + sentence);
                }
            }
            if (!matched) {
                neverMatched.add(pattern.pattern());
            }
        });
        assertEquals(List.of(), neverMatched, "patterns the corpus never exercises");
    }

    @Test
    void keywordGroupsAreAllRequired() {
        Keywords sourceSaid = Keywords.anyOf("source").and(List.of("said", "says"));
        assertTrue(sourceSaid.mayOccurIn("one source says"));
        assertFalse(sourceSaid.mayOccurIn("one source confirmed"));
        assertFalse(sourceSaid.mayOccurIn("he said"));
        assertTrue(Keywords.ANY.mayOccurIn(""));
    }

    @Test
    void foldsCaseAsTheCaseInsensitivePatternsDo() {
        // "ſ" (long s) and "İ" match "s" and "i" in a CASE_INSENSITIVE | UNICODE_CASE pattern; String.toLowerCase
        // leaves the first alone and turns the second into two characters.
        for (String word : List.of("ſource", "SOURCE", "İnsider", "ınsider")) {
            Pattern pattern = Pattern.compile(word.toLowerCase(Locale.ROOT).contains("ource") ? "source" : "insider",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            assertTrue(pattern.matcher(word).find(), word);
            assertTrue(Keywords.anyOf("source", "insider").mayOccurIn(Keywords.lower(word)), word);
        }
        assertEquals("i̇".length() - 1, Keywords.lower("İ").length());
    }

    private static List<String> corpus() throws IOException {
        List<String> sentences = new ArrayList<>();
        Stream.of(SourcingSignalsTest.anonymous(), SourcingSignalsTest.hedges(), SourcingSignalsTest.leaks(),
                        SourcingSignalsTest.partialNames(), AttributionTest.attributed())
                .flatMap(s -> s)
                .map(Arguments::get)
                .forEach(arguments -> sentences.add((String) arguments[0]));
        try (InputStream in = KeywordsTest.class.getResourceAsStream("/demo/sample-article.txt")) {
            String article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            new SentenceSplitter().split(article, "en").stream().map(Sentence::text).forEach(sentences::add);
        }
        List<String> variants = new ArrayList<>(sentences);
        for (String sentence : sentences) {
            variants.add(sentence.toUpperCase(Locale.ROOT));
            variants.add(titleCase(sentence));
        }
        return variants;
    }

    private static String titleCase(String sentence) {
        StringBuilder out = new StringBuilder(sentence.length());
        boolean start = true;
        for (char c : sentence.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetter(c);
        }
        return out.toString();
    }
}
