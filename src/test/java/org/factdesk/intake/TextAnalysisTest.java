package org.factdesk.intake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextAnalysisTest {

    final TextAnalysis analysis = new TextAnalysis();

    @Test
    void aPassedDeadlineStopsTheAnalysisBetweenSentences() {
        String text = "The council approved a budget of 4.2 million euros, according to Mayor Anna Berg. ".repeat(50);
        assertEquals(50, analysis.analyse(text, "en").size());
        assertEquals(50, analysis.analyse(text, "en", System.nanoTime() + 60_000_000_000L).size());
        assertThrows(TextAnalysis.BudgetExceeded.class, () -> analysis.analyse(text, "en", System.nanoTime() - 1));
    }
}
