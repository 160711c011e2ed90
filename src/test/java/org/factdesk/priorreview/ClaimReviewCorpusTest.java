package org.factdesk.priorreview;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every item of the ClaimReview corpus imports with the values it names: the hand-written case for
 * each real-world form, the documentation examples, and {@value ClaimReviewCorpus#GENERATED} valid
 * items with those forms applied at random (fixed seed). On main before issue 14, 14 of the 46
 * files' items and 24 of the 600 generated ones did (docs/claimreview-import.md).
 */
class ClaimReviewCorpusTest {

    @Test
    void everyHandWrittenAndRealItemImportsFaithfully() {
        List<ClaimReviewCorpus.Outcome> outcomes = ClaimReviewCorpus.fileItems().stream().map(ClaimReviewCorpus::run).toList();
        assertEquals(46, outcomes.size());
        List<String> failures = outcomes.stream().filter(o -> !o.faithful()).map(ClaimReviewCorpus::describe).toList();
        assertEquals(List.of(), failures);
    }

    @Test
    void everyPerturbedItemStillImportsWithTheRightValues() {
        List<ClaimReviewCorpus.Outcome> outcomes = ClaimReviewCorpus.generatedItems().stream().map(ClaimReviewCorpus::run).toList();
        assertEquals(ClaimReviewCorpus.GENERATED, outcomes.size());
        // every form is exercised, many times
        ClaimReviewCorpus.tally(outcomes).forEach((form, row) -> assertTrue(row[0] >= 50, form + ": " + row[0]));
        assertEquals(ClaimReviewCorpus.PERTURBATIONS.size(), ClaimReviewCorpus.tally(outcomes).size());
        List<String> failures = outcomes.stream().filter(o -> !o.faithful()).map(ClaimReviewCorpus::describe).limit(20).toList();
        assertEquals(List.of(), failures);
    }
}
