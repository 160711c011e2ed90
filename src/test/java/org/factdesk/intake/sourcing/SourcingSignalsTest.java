package org.factdesk.intake.sourcing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.factdesk.intake.sourcing.SignalKind.ANONYMOUS_SOURCE;
import static org.factdesk.intake.sourcing.SignalKind.HEDGE;
import static org.factdesk.intake.sourcing.SignalKind.LEAKED_OR_CLASSIFIED;
import static org.factdesk.intake.sourcing.SignalKind.PARTIAL_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SourcingSignalsTest {

    final SourcingSignals signals = new SourcingSignals();

    // ---- positives: the kind fires with exactly these triggers ----

    static Stream<Arguments> anonymous() {
        return Stream.of(
                arguments("A senior official, who spoke on condition of anonymity, confirmed the deal.",
                        List.of("spoke on condition of anonymity")),
                arguments("The minister will resign, according to two sources close to the president.",
                        List.of("two sources close to the president")),
                arguments("The talks collapsed, people familiar with the matter told Reuters.",
                        List.of("people familiar with")),
                arguments("A person briefed on the negotiations said the offer was rejected.",
                        List.of("A person briefed on")),
                arguments("Officials said the bridge would reopen next week.", List.of("Officials said")),
                arguments("Officials at the ministry said the plan was ready.", List.of("Officials at the ministry said")),
                arguments("Senior Western officials have warned of a new offensive.",
                        List.of("Senior Western officials have warned")),
                arguments("The plan was drafted in secret, Kremlin insiders say.", List.of("Kremlin insiders say")),
                arguments("‘It is over,’ said one source.", List.of("one source")),
                arguments("An unnamed official confirmed the raid.", List.of("unnamed official")),
                arguments("He declined to be named because he was not authorized to speak publicly.",
                        List.of("declined to be named", "not authorized to speak")),
                arguments("In Moscow, an official familiar with the plans denied it.",
                        List.of("an official familiar with")),
                arguments("A senior Western source said the offer was rejected.", List.of("A senior Western source")),
                arguments("An industry insider confirmed the merger.", List.of("An industry insider")));
    }

    static Stream<Arguments> hedges() {
        return Stream.of(
                arguments("The general reportedly fled the country.", List.of("reportedly")),
                arguments("The fighters are said to have crossed the border.", List.of("are said to")),
                arguments("The minister is believed to favour a ceasefire.", List.of("is believed to")),
                arguments("Intelligence reports suggest a new offensive.", List.of("Intelligence reports suggest")),
                arguments("It is understood that the deal was signed on Monday.", List.of("It is understood that")),
                arguments("Two soldiers were killed, according to reports.", List.of("according to reports")),
                arguments("The singer is rumoured to be engaged and allegedly bought a ring.",
                        List.of("is rumoured to", "allegedly")),
                arguments("Her memoir ‘What Reportedly Happened’ sold well.", List.of("Reportedly")),
                arguments("Unconfirmed reports say the airport was hit.", List.of("Unconfirmed reports say")));
    }

    static Stream<Arguments> leaks() {
        return Stream.of(
                arguments("A leaked transcript shows the call lasted an hour.", List.of("leaked transcript")),
                arguments("The figures come from classified briefings.", List.of("classified briefings")),
                arguments("According to documents seen by the BBC, the plan was approved.",
                        List.of("documents seen by")),
                arguments("An internal memo warned of delays.", List.of("internal memo")),
                arguments("The budget was leaked to the press last week.", List.of("leaked to the press")),
                arguments("The memo, obtained by The Times, describes a purge.", List.of("memo, obtained by")),
                arguments("Confidential emails reveal the scheme.", List.of("Confidential emails")));
    }

    static Stream<Arguments> partialNames() {
        return Stream.of(
                arguments("Vreshinina, a Kremlin spokesperson, reiterated that the bases were vital.",
                        List.of("Vreshinina")),
                arguments("‘We were never there,’ said Petrov, a senior defence official.", List.of("Petrov")),
                arguments("The diplomat, however, cautioned that the deal was fragile.", List.of("The diplomat")),
                arguments("A spokesperson said the company would appeal.", List.of("A spokesperson")),
                arguments("A spokesman for the Kremlin said the report was false.", List.of("A spokesman")),
                arguments("The claim was denied, said a senior official.", List.of("a senior official")),
                arguments("Prices will rise, according to an analyst.", List.of("an analyst")));
    }

    @ParameterizedTest
    @MethodSource("anonymous")
    void anonymousSource(String sentence, List<String> triggers) {
        assertTriggers(sentence, ANONYMOUS_SOURCE, triggers);
    }

    @ParameterizedTest
    @MethodSource("hedges")
    void hedge(String sentence, List<String> triggers) {
        assertTriggers(sentence, HEDGE, triggers);
    }

    @ParameterizedTest
    @MethodSource("leaks")
    void leakedOrClassified(String sentence, List<String> triggers) {
        assertTriggers(sentence, LEAKED_OR_CLASSIFIED, triggers);
    }

    @ParameterizedTest
    @MethodSource("partialNames")
    void partialName(String sentence, List<String> triggers) {
        assertTriggers(sentence, PARTIAL_NAME, triggers);
    }

    @Test
    void offsetsAreUtf16IndicesIntoTheSentence() {
        String sentence = "Vreshinina, a Kremlin spokesperson, reiterated that the bases are ‘reportedly’ vital.";
        Map<SignalKind, List<Trigger>> found = byKind(sentence);
        assertEquals(List.of(new Trigger(0, 10, "Vreshinina")), found.get(PARTIAL_NAME));
        assertEquals(List.of(new Trigger(67, 77, "reportedly")), found.get(HEDGE));
        assertEquals(List.of(HEDGE, PARTIAL_NAME),
                signals.find(sentence).stream().map(SourcingSignal::kind).toList(), "one signal per kind, in enum order");
    }

    @Test
    void oneSignalPerKindCarriesEveryTriggerAndAnExplanation() {
        String sentence = "Officials said the rebels reportedly retreated and are said to have regrouped.";
        List<SourcingSignal> found = signals.find(sentence);
        assertEquals(List.of(ANONYMOUS_SOURCE, HEDGE), found.stream().map(SourcingSignal::kind).toList());
        assertEquals(List.of("reportedly", "are said to"),
                found.get(1).triggers().stream().map(Trigger::text).toList());
        found.forEach(signal -> assertFalse(signal.explanation().isBlank()));
    }

    // ---- negatives: on-record, named or non-sourcing uses of the same words ----

    @ParameterizedTest
    @ValueSource(strings = {
            "Health Minister Jane Doe said on Tuesday that cases had fallen.",
            "The report, published by the WHO, found that cases had fallen.",
            "Wind and solar are cheaper energy sources than coal.",
            "The region depends on imported sources of energy.",
            "Wikipedia is not a reliable source.",
            "A named spokesperson, John Smith, said the plant was safe.",
            "Jane Smith, a diplomat familiar with the talks, said they had stalled.",
            "He was convicted of insider trading.",
            "The officials said they would meet again.",
            "People close to the blast site said windows shattered.",
            "The system uses open-source software."})
    void noAnonymousSource(String sentence) {
        assertNoSignal(sentence, ANONYMOUS_SOURCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Health Minister Jane Doe said on Tuesday that cases had fallen.",
            "The report, published by the WHO, found that cases had fallen.",
            "The bridge was officially opened on Monday.",
            "The theft was reported to the police on Friday.",
            "The annual reports show revenue grew by 4%.",
            "She said she would report back to the committee."})
    void noHedge(String sentence) {
        assertNoSignal(sentence, HEDGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The report, published by the WHO, found that cases had fallen.",
            "The newspaper stopped printing classified ads.",
            "The drug is classified as a stimulant.",
            "Gas leaked from a pipe in the basement.",
            "The car has an internal combustion engine.",
            "The results obtained by the team were replicated."})
    void noLeakedOrClassified(String sentence) {
        assertNoSignal(sentence, LEAKED_OR_CLASSIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Health Minister Jane Doe said on Tuesday that cases had fallen.",
            "A named spokesperson, John Smith, said the plant was safe.",
            "Maria Vreshinina, a Kremlin spokesperson, reiterated that the bases were vital.",
            "According to the official figures, unemployment fell.",
            "The official figures show unemployment fell.",
            "Prime Minister Netanyahu said the operation would continue.",
            "Google said it would appeal.",
            "‘These are not acts of war,’ he insisted.",
            "The minister, Jane Doe, said cases had fallen."})
    void noPartialName(String sentence) {
        assertNoSignal(sentence, PARTIAL_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "The bridge was officially opened on Monday.",
            "Unemployment fell to 4.1% in March, the statistics office said in a statement."})
    void plainSentencesHaveNoSignal(String sentence) {
        assertEquals(List.of(), signals.find(sentence));
    }

    // ---- the sample article ----

    @Test
    void sampleArticle() throws IOException {
        List<String> sentences = sampleSentences();
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("Behind the carefully curated", List.of("LEAKED_OR_CLASSIFIED: classified briefings")),
                Map.entry("According to one source", List.of("ANONYMOUS_SOURCE: one source with privileged access to")),
                Map.entry("The assertion comes from", List.of("ANONYMOUS_SOURCE: spoke on condition of anonymity")),
                Map.entry("These installations", List.of("HEDGE: are said to")),
                Map.entry("The official emphasized", List.of("PARTIAL_NAME: The official")),
                Map.entry("Held in the opulent halls", List.of("ANONYMOUS_SOURCE: insiders")),
                Map.entry("Ash-Sharaa, according to", List.of("LEAKED_OR_CLASSIFIED: leaked transcript obtained by")),
                Map.entry("Putin, in turn", List.of("HEDGE: reportedly")),
                Map.entry("Intelligence reports suggest", List.of("HEDGE: Intelligence reports suggest")),
                Map.entry("This move, according to",
                        List.of("ANONYMOUS_SOURCE: a former U.S. diplomat with knowledge of")),
                Map.entry("The diplomat, however", List.of("PARTIAL_NAME: The diplomat")),
                Map.entry("Vreshinina, a Kremlin spokesperson", List.of("PARTIAL_NAME: Vreshinina")));
        for (String sentence : sentences) {
            List<String> actual = signals.find(sentence).stream()
                    .flatMap(s -> s.triggers().stream().map(t -> s.kind() + ": " + t.text()))
                    .toList();
            List<String> want = expected.entrySet().stream()
                    .filter(e -> sentence.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
            assertEquals(want, actual, sentence);
        }
        assertEquals(expected.size(), expected.keySet().stream()
                .filter(start -> sentences.stream().anyMatch(s -> s.startsWith(start))).count(), "every expected sentence was split out");
        assertTrue(sentences.contains("Yet, the meeting’s significance extends beyond rhetoric."), "a plain factual sentence is among those checked");
    }

    /** Lines are paragraphs; a new sentence starts after end punctuation (and a closing quote) before a capital or
     *  an opening quote, so "U.S. diplomat" stays whole. */
    static List<String> sampleSentences() throws IOException {
        try (InputStream in = SourcingSignalsTest.class.getResourceAsStream("/demo/sample-article.txt")) {
            assertNotNull(in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .flatMap(line -> Arrays.stream(line.strip().split("(?<=[.?!][’”]?) (?=[‘“\\p{Lu}])")))
                    .toList();
        }
    }

    private void assertTriggers(String sentence, SignalKind kind, List<String> texts) {
        List<Trigger> expected = texts.stream().map(text -> {
            int start = sentence.indexOf(text);
            assertTrue(start >= 0, text);
            return new Trigger(start, start + text.length(), text);
        }).toList();
        assertEquals(expected, byKind(sentence).get(kind), sentence);
    }

    private void assertNoSignal(String sentence, SignalKind kind) {
        assertFalse(byKind(sentence).containsKey(kind), () -> sentence + " -> " + byKind(sentence).get(kind));
    }

    private Map<SignalKind, List<Trigger>> byKind(String sentence) {
        return signals.find(sentence).stream().collect(Collectors.toMap(SourcingSignal::kind, SourcingSignal::triggers));
    }
}
