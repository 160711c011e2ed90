package org.factdesk.intake;

import org.junit.jupiter.api.Test;

import java.util.List;

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

    @Test
    void aLongTextIsReadForMeaningInItsLeadingSentencesOnly() {
        String checkable = "The council approved a budget of 4.2 million euros in 2023, the ministry said. ";
        String filler = "Isn't that something? ";
        String text = (filler.repeat(3) + checkable).repeat(100) + filler.repeat(100);
        List<TextAnalysis.Result> results = analysis.analyse(text, "en");
        assertEquals(500, results.size());
        List<TextAnalysis.Result> read = results.stream()
                .filter(r -> r.worthiness().reasons().stream().anyMatch(reason -> reason.feature().equals("meaning"))).toList();
        assertEquals(TextAnalysis.READ_FOR_MEANING, read.size());
        assertEquals(100, read.stream().filter(r -> r.sentence().text().equals(checkable.strip())).count(),
                "the checkable sentences rank first and are all read for meaning");
    }
}
