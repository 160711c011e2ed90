package org.factdesk.similar;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labelled claim pairs that judge matching (docs/matching-evaluation.md) stay well-formed: ids
 * unique and of the form p001, labels valid, every text present and the two sides different, and
 * at least as many pairs of each kind as the issue asks for, in both halves of the fixed split.
 */
class ClaimPairsTest {

    private static final Pattern ID = Pattern.compile("p\\d{3,}");
    private static final Set<String> LABELS = Set.of("same", "related", "different");

    @Test
    void thePairFileIsWellFormed() {
        List<MatchingEvaluation.Pair> pairs = MatchingEvaluation.pairs();
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (MatchingEvaluation.Pair p : pairs) {
            assertTrue(ID.matcher(p.id()).matches(), "id " + p.id());
            assertTrue(ids.add(p.id()), "duplicate id " + p.id());
            assertTrue(LABELS.contains(p.label()), p.id() + ": label " + p.label());
            assertTrue(!p.a().isBlank() && !p.b().isBlank(), p.id() + ": empty text");
            assertTrue(!p.a().strip().equalsIgnoreCase(p.b().strip()), p.id() + ": a == b");
            assertTrue(texts.add(p.a() + "\n" + p.b()), p.id() + ": the same pair twice");
        }
        long same = pairs.stream().filter(p -> p.label().equals("same")).count();
        long related = pairs.stream().filter(p -> p.label().equals("related")).count();
        assertTrue(pairs.size() >= 320, "pairs: " + pairs.size());
        assertTrue(same >= 110, "same: " + same);
        assertTrue(related >= 100, "related: " + related);
        assertTrue(pairs.size() - same - related > 0, "no different pairs");
        // both halves of the split (odd ids tune, even ids test) have enough of each kind to measure
        for (boolean tuning : List.of(true, false)) {
            long half = pairs.stream().filter(p -> p.tuning() == tuning && p.same()).count();
            assertTrue(half >= 40, (tuning ? "tuning" : "test") + " half has " + half + " same pairs");
        }
    }

    @Test
    void scoringCountsASameMatchOnlyWhenBothConditionsHold() {
        MatchingEvaluation.Pair same = new MatchingEvaluation.Pair("p001", "x", "y", "same", null);
        MatchingEvaluation.Pair other = new MatchingEvaluation.Pair("p002", "x", "z", "related", null);
        List<MatchingEvaluation.Scored> scored = List.of(new MatchingEvaluation.Scored(same, true, 0.5),
                new MatchingEvaluation.Scored(same, false, 0.9), new MatchingEvaluation.Scored(other, true, 0.4));
        assertEquals(new MatchingEvaluation.Counts(1, 1, 1, 0), MatchingEvaluation.counts(scored, 0.3));
        assertEquals(new MatchingEvaluation.Counts(1, 0, 1, 1), MatchingEvaluation.counts(scored, 0.45));
    }
}
