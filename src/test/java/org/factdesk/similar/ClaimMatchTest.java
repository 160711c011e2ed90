package org.factdesk.similar;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimMatchTest {

    @Test
    void numbersDifferOnlyWhenBothStateNumbersAndNotTheSameOnes() {
        assertTrue(ClaimMatch.numbersDiffer("Prices rose 40p since 2020.", "Prices rose 45p since 2020."));
        assertFalse(ClaimMatch.numbersDiffer("It cost 1,000 euros.", "The cost was 1000 euros."));
        assertFalse(ClaimMatch.numbersDiffer("Road spending doubled since 2020.", "The city spends twice as much on roads."));
        assertFalse(ClaimMatch.numbersDiffer("3.5 million people", "3.5 million residents"));
    }

    @Test
    void theSameMeaningMatchesAndOtherNumbersCountAgainst() {
        ClaimMatch copy = ClaimMatch.of(1.0, 1.0, "Unemployment fell to 5%.", "Unemployment fell to 5%.");
        assertTrue(copy.same() && copy.score() > 0.8, copy.toString());
        ClaimMatch otherNumbers = ClaimMatch.of(0.9, 0.8, "Unemployment fell to 5%.", "Unemployment fell to 7%.");
        assertTrue(otherNumbers.score() < ClaimMatch.of(0.9, 0.8, "Unemployment fell to 5%.", "Joblessness fell to 5%.").score());
        assertFalse(ClaimMatch.of(0.3, 0.1, "a", "b").same());
        assertEquals("Same meaning (1.00)", copy.reasons().get(0));
        assertTrue(otherNumbers.reasons().contains("States other numbers"), otherNumbers.reasons().toString());
    }
}
