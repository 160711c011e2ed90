package org.factdesk.intake.worthiness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckWorthinessTest {

    private static final CheckWorthiness MODEL = CheckWorthiness.load();
    private static final String FACT = "In 2019 the Senate voted 52 to 48 to cut the defence budget by $2 billion.";
    private static final String QUESTION = "What do you think about the budget?";
    private static final String OPINION = "I think we must do better for our families.";
    private static final String RHETORIC = "Yet, the meeting’s significance extends beyond rhetoric.";
    private static final String CORNERSTONE =
            "Amid these developments, the humanitarian angle remains a cornerstone of Russia’s public narrative.";

    @Test
    void scoresAreProbabilities() {
        for (String sentence : List.of(FACT, QUESTION, OPINION, RHETORIC, "", "?", "Thank you!", "1 2 3 4 5 6 7 8")) {
            double score = MODEL.score(sentence).score();
            assertTrue(score >= 0 && score <= 1, sentence + " scored " + score);
        }
        assertTrue(MODEL.threshold() > 0 && MODEL.threshold() < 1);
    }

    @Test
    void factualStatementOutscoresQuestionOpinionAndRhetoric() {
        double fact = MODEL.score(FACT).score();
        for (String other : List.of(QUESTION, OPINION, RHETORIC)) {
            assertTrue(fact > MODEL.score(other).score(), FACT + " should outscore " + other);
        }
        assertTrue(fact >= MODEL.threshold());
    }

    @Test
    void reasonsNameTheFiringFeaturesTheWordsThatWeighedMostAndTheMeaning() {
        Map<String, Reason> fact = reasons(FACT);
        for (String feature : List.of("number", "money", "named_entity", "official", "concrete_action")) {
            assertTrue(fact.get(feature).contribution() > 0, feature + " should raise the score: " + fact);
        }
        assertTrue(fact.containsKey("year"), "every feature that fires is a reason: " + fact);
        assertTrue(!fact.containsKey("question") && !fact.containsKey("opinion"));
        assertEquals("contains a number", fact.get("number").label());
        assertTrue(fact.get("meaning").contribution() > 0, fact.toString());
        List<Reason> words = MODEL.score(FACT).reasons().stream().filter(r -> r.feature().equals("words")).toList();
        assertTrue(!words.isEmpty() && words.size() <= CheckWorthiness.WORD_REASONS, words.toString());
        assertTrue(words.stream().allMatch(r -> r.label().startsWith("Words “")), words.toString());
        assertTrue(words.stream().noneMatch(r -> r.label().contains("<num>")), "numbers are shown as [number]: " + words);

        assertTrue(reasons(QUESTION).get("question").contribution() < 0);
        assertTrue(reasons(OPINION).get("opinion").contribution() < 0);
        assertTrue(reasons(RHETORIC).get("meaning").contribution() < 0, reasons(RHETORIC).toString());
    }

    @Test
    void theFirstPassScoresWithoutMeaningAndRanksLikeTheFullModel() {
        assertTrue(MODEL.firstPass(FACT).reasons().stream().noneMatch(r -> r.feature().equals("meaning")));
        assertTrue(MODEL.firstPass(FACT).score() > MODEL.firstPass(RHETORIC).score());
        assertTrue(MODEL.firstPass(FACT).score() > MODEL.firstPass(QUESTION).score());
    }

    @Test
    void reasonsAreSortedByMagnitude() {
        List<Reason> reasons = MODEL.score(FACT).reasons();
        assertTrue(reasons.size() > 3);
        for (int i = 1; i < reasons.size(); i++) {
            assertTrue(Math.abs(reasons.get(i - 1).contribution()) >= Math.abs(reasons.get(i).contribution()));
        }
    }

    @Test
    void sampleArticleRanksCheckableStatementsAboveRhetoric() throws IOException {
        List<String> sentences = WorthinessEvaluation.sentences(sampleArticle());
        List<String> ranking = sentences.stream()
                .sorted(Comparator.comparingDouble((String s) -> MODEL.score(s).score()).reversed()).toList();
        // The attributed statements of fact first; the meeting itself among the ten a desk is shown by default.
        List<String> top5 = ranking.subList(0, 5);
        assertTrue(top5.stream().anyMatch(s -> s.contains("satellite imagery") && s.contains("Al-Waleed")), top5::toString);
        assertTrue(top5.stream().anyMatch(s -> s.startsWith("Vreshinina, a Kremlin spokesperson")), top5::toString);
        assertTrue(ranking.subList(0, 10).stream().anyMatch(s -> s.startsWith("The October 15th meeting")), ranking::toString);
        for (String rhetoric : List.of(RHETORIC, CORNERSTONE)) {
            assertTrue(ranking.indexOf(rhetoric) >= ranking.size() / 2, rhetoric + " ranks " + ranking.indexOf(rhetoric));
            assertTrue(MODEL.score(rhetoric).score() < MODEL.threshold(), rhetoric);
        }
    }

    @Test
    void givesTheSameScoresFromManyThreads() throws Exception {
        List<String> sentences = WorthinessEvaluation.sentences(sampleArticle());
        Map<String, Double> expected = sentences.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), s -> MODEL.score(s).score()));
        // Speed is measured by the evaluation command ("rank" prints ms per sentence), not asserted here.
        List<String> many = Collections.nCopies(20, sentences).stream().flatMap(List::stream).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(many.stream()
                    .map(s -> (Callable<Boolean>) () -> MODEL.score(s).score() == expected.get(s))
                    .toList());
            for (Future<Boolean> result : results) assertTrue(result.get());
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Reason> reasons(String sentence) {
        return MODEL.score(sentence).reasons().stream().collect(Collectors.toMap(Reason::feature, r -> r, (a, b) -> a));
    }

    private static String sampleArticle() throws IOException {
        try (InputStream in = CheckWorthinessTest.class.getResourceAsStream("/demo/sample-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
