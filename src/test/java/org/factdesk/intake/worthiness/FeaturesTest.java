package org.factdesk.intake.worthiness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeaturesTest {

    private static final String LONG = "The committee reviewed the budget, the audit, the tax records, the spending"
            + " plans, the payroll, and the contracts of every agency in the state over the course of three long months.";
    private static final String VERY_LONG = LONG.replace(" months.",
            " months before it published every one of its findings in a report of its own.");

    /** Per feature: sentences on which it must fire, then sentences on which it must not. */
    static Stream<Arguments> cases() {
        return Stream.of(
                of("number", List.of("Unemployment fell to 5 percent.", "Two leaders met in Moscow."),
                        List.of("Leaders met in Moscow.", "He is the one who knows.")),
                of("percentage", List.of("Taxes rose by 12% last year.", "Unemployment is 7 percent."),
                        List.of("Taxes rose by 12 points last year.")),
                of("money", List.of("The program cost $4 billion.", "We spent ten million dollars."),
                        List.of("The program cost a lot.")),
                of("quantity", List.of("He is the only president in 72 years to lose jobs.", "The army sent 300 trucks."),
                        List.of("The army sent trucks.", "He is the one.")),
                of("year", List.of("The bill passed in 1997.", "In the 1990s crime fell."),
                        List.of("The bill passed in 300 days.")),
                of("date", List.of("The October 15th meeting was held in Moscow.", "They met on Monday.",
                        "It happened last year."), List.of("They march on the capital and may win.")),
                of("time_span", List.of("The conflict enters its eleventh year.", "He served for 20 years.",
                        "It took two decades."), List.of("He served in the army.")),
                of("named_entity", List.of("Vladimir Putin met the minister.", "The talks took place in the Kremlin."),
                        List.of("The leaders met in the capital.", "I think it matters.")),
                of("several_names", List.of("Putin met Ash-Sharaa in Moscow."),
                        List.of("Putin met the minister in the capital.")),
                of("official", List.of("The senator voted against it.", "A Kremlin spokesperson said so."),
                        List.of("The farmer voted against it.")),
                of("attribution", List.of("According to the report, prices rose.", "The minister said prices rose."),
                        List.of("Prices rose.")),
                of("evidence", List.of("Satellite imagery shows aid trucks.", "The data show a rise."),
                        List.of("Trucks drove north.")),
                of("statistics", List.of("The unemployment rate fell.", "The deficit doubled."),
                        List.of("The weather was fine.")),
                of("comparison", List.of("We spent more than they did.", "Exports doubled in ten years."),
                        List.of("We spent money.")),
                of("superlative", List.of("It is the largest airbase in Syria.", "It was the worst year."),
                        List.of("It is a large airbase.", "He was honest.")),
                of("concrete_action", List.of("The senator voted against the bill.",
                        "Imagery showing convoys was released."), List.of("The senator thinks about the bill.")),
                of("past_tense", List.of("The army deployed troops.", "He was there."),
                        List.of("The army deploys troops.")),
                of("states_fact", List.of("The base is in Syria.", "Syria has two bases."),
                        List.of("Bases in Syria matter.")),
                of("very_short", List.of("Thank you very much."), List.of("The meeting took place in Moscow last week.")),
                of("short", List.of("The meeting took place in Moscow last week."),
                        List.of("Thank you very much.", LONG)),
                of("long", List.of(LONG), List.of("The meeting took place in Moscow last week.", VERY_LONG)),
                of("very_long", List.of(VERY_LONG), List.of(LONG)),
                of("question", List.of("Did the army deploy troops?", "Who said \"why not?\""),
                        List.of("The army deployed troops.", "The question is open.")),
                of("opinion", List.of("I think we can do better.", "I believe in this country.",
                        "In my opinion, it failed."), List.of("The minister thinks it failed.")),
                of("first_person", List.of("We cut taxes.", "My plan works."), List.of("They cut taxes.")),
                of("second_person", List.of("You voted against it."), List.of("He voted against it.")),
                of("future", List.of("We will cut taxes.", "I'll cut taxes.", "They are going to win."),
                        List.of("We cut taxes.")),
                of("hedge", List.of("It might rain.", "Perhaps he lied."), List.of("He lied.")),
                of("obligation", List.of("We must act now.", "We need to act."), List.of("We acted.")),
                of("conditional", List.of("If we act, prices fall.", "Whether it holds remains open."),
                        List.of("Prices fall.")),
                of("rhetoric", List.of("The meeting marked a pivotal moment.",
                        "It remains a cornerstone of the narrative."), List.of("The meeting lasted two hours.")),
                of("exclamation", List.of("What a night!"), List.of("It was night.")),
                of("greeting", List.of("Thank you very much.", "Good evening, everyone."),
                        List.of("The evening was good.")));
    }

    private static Arguments of(String feature, List<String> positives, List<String> negatives) {
        return Arguments.of(feature, positives, negatives);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesOnPositivesAndNotOnNegatives(String feature, List<String> positives, List<String> negatives) {
        for (String sentence : positives) assertTrue(fires(feature, sentence), feature + " should fire on: " + sentence);
        for (String sentence : negatives) assertFalse(fires(feature, sentence), feature + " should not fire on: " + sentence);
    }

    @Test
    void everyFeatureIsTestedAndNamedOnce() {
        Map<String, Long> names = Features.ALL.stream()
                .collect(Collectors.groupingBy(Features.Feature::name, Collectors.counting()));
        assertTrue(names.values().stream().allMatch(n -> n == 1), "duplicate feature names: " + names);
        assertEquals(names.keySet(), cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet()));
        assertTrue(Features.ALL.stream().noneMatch(f -> f.label().isBlank()));
    }

    @Test
    void curlyQuotesAndPossessivesDoNotCountAsNames() {
        assertEquals(1, Features.names(Features.analyse("‘These are not acts of war,’ he said of Russia’s role.")));
    }

    @Test
    void tokensBeyondWhatTheTaggerReadsStillCount() {
        String words = "The committee met again ".repeat(100) + "today.";
        Features.Sentence many = Features.analyse(words);
        assertTrue(many.tokens().length > Features.MAX_TAGGED_TOKENS);
        assertEquals(many.tokens().length, many.tags().length);
        assertEquals(401, many.words());
        assertTrue(fires("very_long", words));

        String punctuation = ", ".repeat(2 * Features.MAX_TAGGED_TOKENS) + "yes";
        assertEquals(1, Features.analyse(punctuation).words());
        assertTrue(fires("very_short", punctuation));
    }

    @Test
    void aRunLongerThanAWordStaysOneToken() {
        String run = "x.".repeat(Features.MAX_TOKEN_CHARS);
        assertEquals(List.of("It", "is", run, "."), List.of(Features.analyse("It is " + run + " .").tokens()));
        assertEquals(List.of("It", "is", "x.x", "."), List.of(Features.analyse("It is x.x.").tokens()));
    }

    private static boolean fires(String feature, String sentence) {
        int index = Features.ALL.stream().map(Features.Feature::name).toList().indexOf(feature);
        return Features.extract(sentence)[index] == 1;
    }
}
