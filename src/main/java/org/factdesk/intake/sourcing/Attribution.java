package org.factdesk.intake.sourcing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.factdesk.intake.sourcing.Words.ADVERB;
import static org.factdesk.intake.sourcing.Words.NAME_RUN;
import static org.factdesk.intake.sourcing.Words.VERB;
import static org.factdesk.intake.sourcing.Words.WORD;
import static org.factdesk.intake.sourcing.Words.alt;

/**
 * Finds who a sentence attributes its statement to, as written. Titles stay with the name when they are
 * capitalised ("Russian President Vladimir Putin"), an appositive role stays with a name
 * ("Vreshinina, a Kremlin spokesperson"), asides do not ("Putin, in turn, reportedly reaffirmed" gives "Putin").
 * A pronoun speaker ("he insisted") gives empty: it names nobody without the previous sentence.
 * Stateless and thread-safe.
 */
public final class Attribution {

    private static final String DETERMINER = alt(List.of("the", "a", "an", "one", "two", "three", "several", "some",
            "many", "other"));

    private static final String PREPOSITION = "(?:" + alt(List.of("for", "of", "at", "from", "with", "in", "on"))
            + "|close\\s+to|familiar\\s+with|briefed\\s+on)";

    /** What may follow a noun: "for the ministry", "with knowledge of the talks". */
    private static final String TAIL = "(?:\\s+" + PREPOSITION + "\\s+(?:(?:the|a|an)\\s+)?(?:" + WORD + "\\s+){0,3}"
            + WORD + "){0,2}";

    /** "a senior Russian official", "a spokesman for the ministry", "a diplomat with knowledge of the talks". */
    private static final String NOUN_PHRASE = DETERMINER + "\\s+(?:" + WORD + "\\s+){0,4}" + WORD + TAIL;

    /** Unnamed groups without a determiner: "Health officials", "People close to the president". */
    private static final String GROUP = "(?:" + NAME_RUN + "\\s+)?" + alt(List.of("officials", "sources", "analysts",
            "experts", "diplomats", "aides", "insiders", "critics", "observers", "residents", "witnesses",
            "researchers", "scientists", "people")) + TAIL;

    /** A subject never follows a preposition: in "officials at the ministry said" the speaker is not "the ministry". */
    private static final String NOT_AFTER_PREPOSITION = "(?<!\\b(?:at|to|of|for|from|with|in|on|by|near|about)\\s)";

    private static final String SPEAKER = "(?:" + NOUN_PHRASE + "|" + GROUP + "|" + NAME_RUN + ")";

    /** Commas around an appositive role or name ("Vreshinina, a Kremlin spokesperson,", "The official, John Smith,")
     *  or around an aside (", in turn,"). */
    private static final String APPOSITIVE = ",\\s+(?:(?:a|an|the)\\s+[^,]{1,80}?|" + NAME_RUN + ")(?=,)";
    private static final String ASIDE = ",\\s+[^,]{1,80}?(?=,)";
    private static final String BEFORE_VERB = ",?\\s+(?:" + ADVERB + "\\s+){0,2}";

    /** "Smith said", "Vreshinina, a Kremlin spokesperson, reiterated", "Ash-Sharaa, according to …, expressed". */
    private static final Pattern SPEAKER_THEN_VERB = compile(NOT_AFTER_PREPOSITION + "(?<who>" + SPEAKER + ")(?<role>" + APPOSITIVE + ")?(?:"
            + ASIDE + ")?" + BEFORE_VERB + "(?<verb>" + VERB + ")");

    private static final Pattern PRONOUN_THEN_VERB = compile("(?:he|she|they|we|(?-i:I))(?:" + ASIDE + ")?"
            + BEFORE_VERB + "(?<verb>" + VERB + ")");

    /** "…,’ said Smith." Only after a quotation or comma and before the end of the clause, so that
     *  "said the talks were over" does not make "the talks" a speaker. */
    private static final Pattern VERB_THEN_SPEAKER = compile("(?<=[,’”\"]\\s)(?<verb>said|says|added|wrote|insisted"
            + "|warned|explained)\\s+(?<who>" + NOUN_PHRASE + "|" + NAME_RUN + ")(?<role>,\\s+(?:a|an|the)\\s+[^,;]+?)?"
            + "(?=\\s*(?:[,;:!?]|\\.?\\s*$))");

    /** How long a source after "according to" or "described by" may be. Bounded, because an unbounded lazy span
     *  retried from every "according to" up to the same ")" cost the length of the sentence per occurrence. */
    private static final String SOURCE_LENGTH = "{1,150}?";

    /** Every speaker pattern above ends in a reporting verb ({@link Words#REPORTING_VERBS}). */
    private static final Keywords REPORTING = Keywords.anyOf(Words.REPORTING_VERBS);

    /** A source of a statement that is not itself introduced by a reporting verb. */
    private record Source(Keywords keywords, Pattern pattern) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source(Keywords.anyOf("according"), compile("according\\s+to\\s+(?<who>[^,;:‘“\"()]" + SOURCE_LENGTH
                    + ")(?=\\s*(?:[,;:‘“\"(]|[.!?]?\\s*$))")),
            new Source(Keywords.anyOf("described", "characteri", "called", "branded", "dismissed", "hailed"),
                    compile("(?:described|characteri[sz]ed|called|branded|dismissed|hailed)\\s+by\\s+(?<who>[^,;:‘“\"()]"
                            + SOURCE_LENGTH + ")\\s+as\\b")),
            new Source(Keywords.anyOf("come", "came").and(List.of("from")),
                    compile(alt(List.of("assertions?", "claims?", "statements?", "remarks?", "comments?", "allegations?",
                            "accounts?", "information", "warnings?")) + "\\s+(?:comes?|came)\\s+from\\s+(?<who>" + SPEAKER + ")")));

    public Optional<String> claimant(String sentence) {
        String lower = Keywords.lower(sentence);
        boolean reported = REPORTING.mayOccurIn(lower);
        Matcher pronoun = reported ? first(PRONOUN_THEN_VERB, sentence) : null;
        Matcher speaker = reported ? earliestVerb(earliestVerb(first(SPEAKER_THEN_VERB, sentence), pronoun),
                first(VERB_THEN_SPEAKER, sentence)) : null;
        if (speaker == pronoun && pronoun != null) {
            return Optional.empty();
        }
        if (speaker != null) {
            String role = speaker.group("role");
            return Optional.of(speaker.group("who") + (role == null ? "" : role));
        }
        // No reporting verb with a subject: the statement may still be sourced ("according to …").
        for (Source source : SOURCES) {
            if (!source.keywords().mayOccurIn(lower)) {
                continue;
            }
            Matcher m = source.pattern().matcher(sentence);
            if (m.find()) {
                return Optional.of(m.group("who"));
            }
        }
        return Optional.empty();
    }

    /** Every pattern with the keywords it is checked against (for the tests). */
    static Map<Pattern, Keywords> guardedPatterns() {
        Map<Pattern, Keywords> guarded = new LinkedHashMap<>();
        for (Pattern pattern : List.of(SPEAKER_THEN_VERB, PRONOUN_THEN_VERB, VERB_THEN_SPEAKER)) {
            guarded.put(pattern, REPORTING);
        }
        SOURCES.forEach(source -> guarded.put(source.pattern(), source.keywords()));
        return guarded;
    }

    private static Matcher first(Pattern pattern, String sentence) {
        Matcher m = pattern.matcher(sentence);
        return m.find() ? m : null;
    }

    /** The match whose reporting verb comes first; on a tie the first argument wins. */
    private static Matcher earliestVerb(Matcher a, Matcher b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.start("verb") < a.start("verb") ? b : a;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile("(?<![\\p{L}’'\\-])" + regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
