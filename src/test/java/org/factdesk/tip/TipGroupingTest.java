package org.factdesk.tip;

import org.factdesk.similar.MatchingEvaluation;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grouping rule on its own, and the labelled tip pairs that chose it staying well-formed. */
class TipGroupingTest {

    @Test
    void meaningDecidesWhenBothAreReadAndWordsOtherwise() {
        // Close in meaning, few shared words: joins; far in meaning, however many shared words: does not.
        assertTrue(TipGrouping.joins(0.2, 0.86, "Road spending doubled.", "The city spends twice as much on roads.", 0.5));
        assertFalse(TipGrouping.joins(0.9, 0.3, "Is it true that A?", "Is it true that B?", 0.5));
        // The same meaning with other numbers counts less.
        assertTrue(TipGrouping.score(0.8, 0, "Petrol rose 40p.", "Petrol rose 45p.")
                < TipGrouping.score(0.8, 0, "Petrol rose 40p.", "Petrol went up 40p."));
        // No meaning (a language the model does not read, or a group from before meanings were kept): words decide.
        assertTrue(TipGrouping.joins(0.6, null, "a", "b", 0.5));
        assertFalse(TipGrouping.joins(0.4, null, "a", "b", 0.5));
        assertFalse(TipGrouping.joins(null, null, "a", "b", 0.5));
    }

    @Test
    void aJoiningTipsStrengthIsItsMeaningScoreElseItsWords() {
        String group = "Road spending doubled.";
        String tip = "The city spends twice as much on roads.";
        assertEquals(OptionalDouble.of(TipGrouping.score(0.86, 0.2, group, tip)), TipGrouping.strength(0.2, 0.86, group, tip, 0.5));
        assertEquals(OptionalDouble.of(0.6), TipGrouping.strength(0.6, null, "a", "b", 0.5));
        assertEquals(OptionalDouble.empty(), TipGrouping.strength(0.9, 0.3, "Is it true that A?", "Is it true that B?", 0.5));
        assertEquals(OptionalDouble.empty(), TipGrouping.strength(null, null, "a", "b", 0.5));
    }

    @Test
    void theTipPairsAreWellFormedWithEnoughOfEachKindInBothHalves() {
        List<MatchingEvaluation.Pair> pairs = MatchingEvaluation.pairs(TipGroupingEvaluation.PAIRS);
        Pattern id = Pattern.compile("t\\d{3}");
        Set<String> ids = new HashSet<>();
        for (MatchingEvaluation.Pair p : pairs) {
            assertTrue(id.matcher(p.id()).matches() && ids.add(p.id()), "id " + p.id());
            assertTrue(Set.of("same", "related", "different").contains(p.label()), p.id() + ": " + p.label());
            assertFalse(p.a().isBlank() || p.b().isBlank() || p.a().strip().equalsIgnoreCase(p.b().strip()), p.id());
        }
        assertTrue(pairs.size() >= 300, "pairs: " + pairs.size());
        for (boolean tuning : List.of(true, false)) {
            List<MatchingEvaluation.Pair> half = pairs.stream().filter(p -> p.tuning() == tuning).toList();
            assertTrue(half.stream().filter(MatchingEvaluation.Pair::same).count() >= 50, "same pairs in a half");
            // questions built on one template about different things: what a meaning model might take as alike
            assertTrue(half.stream().filter(p -> !p.same() && p.note() != null && p.note().startsWith("template:")).count() >= 30,
                    "template pairs in a half");
        }
    }
}
