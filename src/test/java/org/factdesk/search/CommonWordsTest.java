package org.factdesk.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which words of a query are looked up in a column's index, from a sample of the column. */
class CommonWordsTest {

    /** A histogram of 100 values, {@code withWord} of them containing "claim". */
    private static CommonWords.Sample histogram(int withWord) {
        return new CommonWords.Sample(0, List.of(), List.of(),
                IntStream.range(0, 100).mapToObj(i -> (i < withWord ? "claim " : "rumour ") + i + " on economy").toList());
    }

    @Test
    void aWordMostValuesHaveIsLeftToTheWholeQuerysCheck() {
        assertEquals(List.of("4711"), CommonWords.rare(histogram(100), "Claim 4711"));
        assertEquals(List.of("4711"), CommonWords.rare(histogram(1), "claim 4711"));
        assertEquals(List.of("claim", "4711"), CommonWords.rare(histogram(0), "claim 4711"));
    }

    @Test
    void everyWordCommonOrTooShortLooksUpTheWholeQuery() {
        assertEquals(List.of(), CommonWords.rare(histogram(50), "claim on economy"));
        assertEquals(List.of(), CommonWords.rare(histogram(50), "50% in"));
    }

    @Test
    void withoutASampleEveryWordIsLookedUpLongestFirstAtMostFour() {
        assertEquals(List.of("budget", "tax"), CommonWords.rare(CommonWords.Sample.NONE, "tax  budget,tax of"));
        assertEquals(List.of("seventh", "three", "fifth", "sixth"),
                CommonWords.rare(CommonWords.Sample.NONE, "one two three four fifth sixth seventh"));
    }

    /** The most common values count with their shares; the histogram stands for the rest of the rows. */
    @Test
    void commonValuesWeighTheirShare() {
        CommonWords.Sample claimants = new CommonWords.Sample(0.5, List.of("a senator", "the mayor"), List.of(0.3, 0.005),
                IntStream.range(0, 100).mapToObj(i -> "person " + i).toList());
        assertEquals(List.of(), CommonWords.rare(claimants, "senator"));
        assertEquals(List.of("mayor"), CommonWords.rare(claimants, "mayor"));
        // The histogram's values stand for the rows neither null nor among the common values (19.5 %).
        assertEquals(List.of(), CommonWords.rare(claimants, "person"));
        assertEquals(0.195, claimants.share("person"), 1e-9);
    }
}
