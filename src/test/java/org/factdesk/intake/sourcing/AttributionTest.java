package org.factdesk.intake.sourcing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AttributionTest {

    final Attribution attribution = new Attribution();

    static Stream<Arguments> attributed() {
        return Stream.of(
                // X said / says / told …
                arguments("Smith said the bridge was unsafe.", "Smith"),
                arguments("Jane Doe says the figures are wrong.", "Jane Doe"),
                arguments("Smith told Reuters the deal was dead.", "Smith"),
                arguments("The minister warned that prices would rise.", "The minister"),
                arguments("A spokesman for the Kremlin insisted the report was false.", "A spokesman for the Kremlin"),
                arguments("Health officials have cautioned against travel.", "Health officials"),
                arguments("Officials at the ministry said the plan was ready.", "Officials at the ministry"),
                arguments("The company noted that sales had slowed.", "The company"),
                // titles before names stay with the name when capitalised
                arguments("Russian President Vladimir Putin said the talks went well.", "Russian President Vladimir Putin"),
                arguments("On Tuesday, Health Minister Jane Doe said cases had fallen.", "Health Minister Jane Doe"),
                // X, the/a <role>, said – the appositive is part of the claimant; an aside is not
                arguments("John Smith, the health minister, said cases had fallen.", "John Smith, the health minister"),
                arguments("Putin, in turn, reportedly reaffirmed his commitment.", "Putin"),
                arguments("The official, John Smith, said the plan was ready.", "The official, John Smith"),
                // said X
                arguments("‘We will win,’ said Smith.", "Smith"),
                arguments("‘We will win,’ said a spokesperson for the ministry.", "a spokesperson for the ministry"),
                arguments("‘It was a mistake,’ said Petrov, a senior defence official.", "Petrov, a senior defence official"),
                // according to X
                arguments("Prices rose 5% last year, according to the statistics office.", "the statistics office"),
                arguments("According to Jane Doe, the vaccine is safe.", "Jane Doe"));
    }

    /** The sample article, sentence by sentence, as split by {@link SourcingSignalsTest#sampleSentences()}. */
    static Stream<Arguments> sampleArticle() {
        return Stream.of(
                arguments("According to one source", "one source with privileged access to the Kremlin’s internal deliberations"),
                arguments("The assertion comes from", "a senior Russian official"),
                arguments("The official emphasized", "The official"),
                arguments("Held in the opulent halls", "insiders"),
                arguments("Ash-Sharaa, according to", "Ash-Sharaa"),
                arguments("Putin, in turn", "Putin"),
                arguments("This move, according to", "a former U.S. diplomat with knowledge of the talks"),
                arguments("The diplomat, however", "The diplomat"),
                arguments("Vreshinina, a Kremlin spokesperson", "Vreshinina, a Kremlin spokesperson"),
                // pronouns name nobody; sentences without attribution give nothing
                arguments("This logistical capacity, they argue", null),
                arguments("‘These are not acts of war", null),
                arguments("The October 15th meeting", null),
                arguments("Intelligence reports suggest", null),
                arguments("Yet, the meeting’s significance", null));
    }

    @ParameterizedTest
    @MethodSource("attributed")
    void findsTheClaimant(String sentence, String claimant) {
        assertEquals(Optional.of(claimant), attribution.claimant(sentence), sentence);
    }

    @ParameterizedTest
    @MethodSource("sampleArticle")
    void sampleArticleSentences(String start, String claimant) throws IOException {
        String sentence = SourcingSignalsTest.sampleSentences().stream().filter(s -> s.startsWith(start)).findFirst()
                .orElseThrow();
        assertEquals(Optional.ofNullable(claimant), attribution.claimant(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Unemployment fell to 4.1% in March.",
            "He said the talks were over.",
            "‘These are not acts of war,’ she insisted.",
            "The plan is said to be ready.",
            "The report, published by the WHO, found that cases rose.",
            "The meeting between Russian President Vladimir Putin and Ahmed Ash-Sharaa was short.",
            "The bridge was officially opened on Monday."})
    void noClaimant(String sentence) {
        assertTrue(attribution.claimant(sentence).isEmpty(), () -> sentence + " -> " + attribution.claimant(sentence));
    }
}
