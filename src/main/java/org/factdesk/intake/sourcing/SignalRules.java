package org.factdesk.intake.sourcing;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.factdesk.intake.sourcing.Words.ADVERB;
import static org.factdesk.intake.sourcing.Words.CAPITALISED;
import static org.factdesk.intake.sourcing.Words.MODIFIER;
import static org.factdesk.intake.sourcing.Words.NAME_RUN;
import static org.factdesk.intake.sourcing.Words.ROLE;
import static org.factdesk.intake.sourcing.Words.ROLE_OR_ROLES;
import static org.factdesk.intake.sourcing.Words.SINGLE_NAME;
import static org.factdesk.intake.sourcing.Words.VERB;
import static org.factdesk.intake.sourcing.Words.WORD;
import static org.factdesk.intake.sourcing.Words.alt;

/**
 * The rules behind {@link SourcingSignals}, one block per kind. Every pattern names the words that fired
 * as group {@code t}; a rule may carry a veto that looks at the rest of the sentence.
 */
final class SignalRules {

    /** One rule: a match of {@code pattern} is a trigger of {@code kind} unless {@code veto} says otherwise; the
     *  pattern cannot match a sentence without its {@code keywords}. */
    record Rule(SignalKind kind, Keywords keywords, Pattern pattern, BiPredicate<String, Matcher> veto) {
    }

    private static final Keywords SOURCE_NOUN = Keywords.anyOf("source");
    private static final List<String> SAID_OR_ACCORDING = List.of("said", "says", "added", "according");

    // ---- ANONYMOUS_SOURCE ----

    private static final String DETERMINER = alt(List.of("one", "a", "an", "two", "three", "four", "several",
            "some", "multiple", "many", "other", "various"));

    /** "one source", "a senior Western source", "sources". */
    private static final String SOURCE_PHRASE =
            "(?:" + DETERMINER + "\\s+)?(?:" + MODIFIER + "\\s+){0,3}sources?(?![\\p{L}\\-])";

    /** People who may be quoted without a name. */
    private static final String PEOPLE = "(?:" + ROLE_OR_ROLES + "|" + alt(List.of("sources?", "insiders?", "people",
            "persons?", "someone", "those", "individuals?")) + ")";

    /** What makes a person an anonymous source: a position, not an identity. "close to" only counts
     *  before a person or an institution, so "people close to the blast site" stays unflagged. */
    private static final String QUALIFIER = "(?:familiar\\s+with|briefed\\s+on|privy\\s+to|knowledgeable\\s+about"
            + "|in\\s+the\\s+know"
            + "|with\\s+(?:(?:direct|first-?hand|inside|intimate|detailed|privileged)\\s+)?(?:knowledge\\s+of|access\\s+to)"
            + "|close\\s+to\\s+(?:(?:the|his|her|their)\\s+)?(?:" + CAPITALISED + "|" + ROLE + "|" + alt(List.of(
            "family", "government", "leadership", "administration", "campaign", "investigation", "talks",
            "negotiations", "matter", "president", "prime\\s+minister", "chancellor", "leader", "king", "queen"))
            + "))";
    /** One of these is in every {@link #QUALIFIER}. */
    private static final List<String> QUALIFIER_WORDS = List.of("familiar", "briefed", "privy", "know", "access", "close");

    /** Unnamed groups that speak as a body ("officials said"); "the officials said" refers back to someone named. */
    private static final List<String> SPEAKING_GROUP_NOUNS = List.of("officials", "sources", "insiders", "diplomats",
            "aides", "analysts", "experts", "observers");
    private static final String SPEAKING_GROUPS = alt(SPEAKING_GROUP_NOUNS);

    /** "Officials at the ministry said": an institution is named, the people speaking are not. */
    private static final String GROUP_AFFILIATION = "(?:\\s+(?:at|from|in|of)\\s+(?:the\\s+)?(?:" + WORD + "\\s+){0,2}"
            + WORD + ")?";

    private static final List<Rule> ANONYMOUS = List.of(
            whole(SignalKind.ANONYMOUS_SOURCE, Keywords.anyOf("anonymity"),
                    "(?:(?:spoke|speaking|talked|talking)\\s+)?on\\s+(?:the\\s+)?condition\\s+of\\s+anonymity\\b"),
            whole(SignalKind.ANONYMOUS_SOURCE, Keywords.anyOf("named", "identified"),
                    "(?:declined|refused|asked\\s+not|did\\s+not\\s+want)\\s+to\\s+be\\s+(?:named|identified)\\b"),
            whole(SignalKind.ANONYMOUS_SOURCE, Keywords.anyOf("authori"),
                    "not\\s+authori[sz]ed\\s+to\\s+(?:speak|talk|comment)\\b"),
            whole(SignalKind.ANONYMOUS_SOURCE, Keywords.anyOf("anonymous", "unnamed"),
                    "(?:anonymous|unnamed)\\s+(?:" + MODIFIER + "\\s+){0,2}" + PEOPLE),
            // A source noun only counts where a statement is attributed to it: "a reliable source of income" does not.
            rule(SignalKind.ANONYMOUS_SOURCE, SOURCE_NOUN.and(List.of("according")),
                    "\\baccording\\s+to\\s+(?<t>" + SOURCE_PHRASE + ")(?!\\s+of\\b)"),
            rule(SignalKind.ANONYMOUS_SOURCE, SOURCE_NOUN.and(Words.REPORTING_VERBS),
                    "(?<t>" + SOURCE_PHRASE + ")\\s+(?:" + ADVERB + "\\s+)?" + VERB),
            rule(SignalKind.ANONYMOUS_SOURCE, SOURCE_NOUN.and(List.of("said", "says", "added")),
                    "\\b(?:said|says|added)\\s+(?<t>" + SOURCE_PHRASE + ")(?!\\s+(?:of|that)\\b)"),
            new Rule(SignalKind.ANONYMOUS_SOURCE, Keywords.anyOf(QUALIFIER_WORDS),
                    compile("(?<t>(?:" + DETERMINER + "\\s+)?(?:" + MODIFIER + "\\s+){0,3}" + PEOPLE + "\\s+" + QUALIFIER + ")"),
                    SignalRules::namedJustBefore),
            whole(SignalKind.ANONYMOUS_SOURCE, Keywords.anyOf("insiders"), "(?:" + MODIFIER + "\\s+){0,2}insiders\\b"),
            whole(SignalKind.ANONYMOUS_SOURCE, Keywords.anyOf("insider"), "\\ban?\\s+(?:" + MODIFIER + "\\s+){0,2}insider\\b"
                    + "(?!\\s+(?:trading|threat|information|dealing|knowledge|attack))"),
            new Rule(SignalKind.ANONYMOUS_SOURCE, Keywords.anyOf(SPEAKING_GROUP_NOUNS).and(Words.REPORTING_VERBS),
                    compile("\\b(?:(?<det>the|these|those|both|such)\\s+)?(?<t>(?:" + MODIFIER + "\\s+){0,3}" + SPEAKING_GROUPS
                            + GROUP_AFFILIATION + "\\s+(?:" + ADVERB + "\\s+)?" + VERB + ")"),
                    (sentence, m) -> m.group("det") != null),
            rule(SignalKind.ANONYMOUS_SOURCE, Keywords.anyOf(SPEAKING_GROUP_NOUNS).and(List.of("according")),
                    "\\baccording\\s+to\\s+(?<t>(?:" + MODIFIER + "\\s+){0,3}" + SPEAKING_GROUPS + ")"));

    // ---- HEDGE ----

    private static final String REPORT_QUALIFIER = alt(List.of("unconfirmed", "unverified", "intelligence", "media",
            "press", "news", "local", "some", "several", "multiple", "other", "recent", "various", "early", "initial"));

    /** "according to unconfirmed local media reports" has three. */
    private static final int MAX_REPORT_QUALIFIERS = 4;

    private static final List<Rule> HEDGES = List.of(
            whole(SignalKind.HEDGE, Keywords.anyOf("reportedly", "allegedly", "purportedly", "supposedly", "reputedly", "rumo"),
                    "\\b(?:reportedly|allegedly|purportedly|supposedly|reputedly|rumou?red)\\b"),
            // "is said to have fled", but not "was reported to the police".
            whole(SignalKind.HEDGE, Keywords.anyOf("said", "believed", "thought", "understood", "reported", "rumo", "alleged",
                    "claimed", "reputed"), "\\b(?:is|are|was|were|has\\s+been|have\\s+been|had\\s+been)\\s+"
                    + "(?:said|believed|thought|understood|reported|rumou?red|alleged|claimed|reputed)\\s+to\\b"
                    + "(?!\\s+(?:the|a|an|his|her|their|its|my|our|your|me|him|them|us|you|police|authorities|reporters)\\b)"),
            whole(SignalKind.HEDGE, Keywords.anyOf("understood", "believed", "thought", "said", "reported", "rumo", "alleged",
                    "claimed", "suggested"), "\\bit\\s+(?:is|was|has\\s+been|had\\s+been)\\s+(?:understood|believed|thought|said"
                    + "|reported|rumou?red|alleged|claimed|suggested)(?:\\s+that)?\\b"),
            // Qualifier runs are bounded: an unbounded "(?:…\\s+)+" recursed per word (a stack overflow on "some some …")
            // and was retried from every word of the run.
            whole(SignalKind.HEDGE, Keywords.anyOf("reports").and(List.of("according")),
                    "\\baccording\\s+to\\s+(?:" + REPORT_QUALIFIER + "\\s+){0," + MAX_REPORT_QUALIFIERS + "}reports\\b"),
            // "Reports suggest" needs a qualifier or the start of the sentence: "the annual reports show" is a citation.
            whole(SignalKind.HEDGE, Keywords.anyOf("reports"), "(?:\\b(?:" + REPORT_QUALIFIER + "\\s+){1," + MAX_REPORT_QUALIFIERS + "}|^)reports\\s+(?:suggest|suggested|indicate"
                    + "|indicated|claim|claimed|say|said|allege|alleged)\\b"),
            whole(SignalKind.HEDGE, Keywords.anyOf("unconfirmed", "unverified"), "\\b(?:unconfirmed|unverified)\\s+(?:reports?|claims?|accounts?)\\b"));

    // ---- LEAKED_OR_CLASSIFIED ----

    private static final String DOCUMENTS = alt(List.of("documents?", "transcripts?", "memos?", "memoranda",
            "e-?mails?", "cables?", "files?", "reports?", "recordings?", "audio", "videos?", "letters?", "drafts?",
            "papers?", "messages?", "minutes", "notes", "records?", "slides", "briefings?", "assessments?",
            "intelligence", "information", "materials?", "footage", "tapes?", "dossiers?", "correspondence",
            "communications?", "data", "plans?", "contracts?"));

    /** "Internal" alone is weak: "internal data" or "internal combustion" are not leaks, an internal memo is. */
    private static final String INTERNAL_DOCUMENTS = alt(List.of("memos?", "memoranda", "documents?", "e-?mails?",
            "messages?", "correspondence", "communications?", "minutes", "assessments?", "files?", "reports?"));

    private static final String DOCUMENT_MODIFIER = alt(List.of("internal", "classified", "confidential", "secret",
            "top-secret", "draft", "government", "military", "diplomatic", "audio", "video", "email", "unpublished"));

    private static final List<Rule> LEAKS = List.of(
            whole(SignalKind.LEAKED_OR_CLASSIFIED, Keywords.anyOf("leaked"), "\\bleaked\\s+(?:(?:" + DOCUMENT_MODIFIER + "|" + CAPITALISED + ")\\s+){0,2}"
                    + DOCUMENTS),
            whole(SignalKind.LEAKED_OR_CLASSIFIED, Keywords.anyOf("leaked"), "\\bleaked\\s+to\\s+(?:the\\s+)?(?:press|media|reporters|journalists|"
                    + CAPITALISED + ")"),
            whole(SignalKind.LEAKED_OR_CLASSIFIED, Keywords.anyOf("classified", "confidential", "secret", "restricted",
                    "unpublished"), "\\b(?:classified|confidential|secret|top-secret|restricted|unpublished)"
                    + "\\s+(?:" + DOCUMENT_MODIFIER + "\\s+)?" + DOCUMENTS),
            whole(SignalKind.LEAKED_OR_CLASSIFIED, Keywords.anyOf("internal"), "\\binternal\\s+" + INTERNAL_DOCUMENTS),
            whole(SignalKind.LEAKED_OR_CLASSIFIED, Keywords.anyOf("seen", "obtained", "viewed", "examined", "acquired"),
                    "\\b" + DOCUMENTS + ",?\\s+(?:(?:that|which)\\s+(?:was|were|has\\s+been"
                    + "|have\\s+been|had\\s+been)\\s+)?(?:seen|obtained|reviewed|viewed|examined|acquired)\\s+"
                    + "(?:exclusively\\s+)?by\\b"));

    // ---- PARTIAL_NAME ----

    /** A short aside between speaker and verb that cannot hold a name: ", however,", ", in turn,". */
    private static final String ASIDE_BODY = "(?-i:[a-z])(?!(?:who|which|whose)\\b)[\\p{L} ]{0,30}";
    private static final String ASIDE = ",\\s+" + ASIDE_BODY + ",";

    private static final Keywords ROLE_WORD = Keywords.anyOf(Words.ROLES);

    private static final String ROLE_PHRASE = "(?:the|a|an|one)\\s+(?:" + MODIFIER + "\\s+){0,3}" + ROLE;

    /** An appositive that gives a role: ", a Kremlin spokesperson". */
    private static final String ROLE_APPOSITIVE = ",\\s+(?:a|an|the)\\s+[^,]{0,60}?\\b" + ROLE + "[^,]{0,40}";

    private static final List<Rule> PARTIAL_NAMES = List.of(
            // Role speaking without a name: "the diplomat, however, cautioned", "a spokesman for the Kremlin said".
            rule(SignalKind.PARTIAL_NAME, ROLE_WORD.and(Words.REPORTING_VERBS), "\\b(?<t>" + ROLE_PHRASE + ")(?:\\s+(?:for|of|at|from)\\s+(?:the\\s+)?"
                    + NAME_RUN + ")?(?:" + ASIDE + ")?\\s+(?:" + ADVERB + "\\s+)?" + VERB),
            // "said a spokesperson." – but not "said the spokesperson, John Smith" nor "according to the official figures".
            rule(SignalKind.PARTIAL_NAME, ROLE_WORD.and(SAID_OR_ACCORDING),
                    "\\b(?:said|says|added|according\\s+to)\\s+(?<t>" + ROLE_PHRASE + ")"
                    + "(?=\\s*(?:[.;:!?’”)]|$)|,(?!\\s*" + CAPITALISED + ")|\\s+(?:for|of|at|from|in|on|to)\\b)"),
            // One name introduced with a role: "Vreshinina, a Kremlin spokesperson, reiterated".
            new Rule(SignalKind.PARTIAL_NAME, ROLE_WORD.and(Words.REPORTING_VERBS), compile("(?<t>" + SINGLE_NAME + ")" + ROLE_APPOSITIVE + ",\\s+(?:"
                    + ASIDE_BODY + ",\\s+)?(?:" + ADVERB + "\\s+)?" + VERB), SignalRules::capitalisedJustBefore),
            new Rule(SignalKind.PARTIAL_NAME, ROLE_WORD.and(SAID_OR_ACCORDING),
                    compile("\\b(?:said|says|added|according\\s+to)\\s+(?<t>" + SINGLE_NAME + ")"
                    + ROLE_APPOSITIVE), SignalRules::capitalisedJustBefore));

    static final List<Rule> RULES = Stream.of(ANONYMOUS, HEDGES, LEAKS, PARTIAL_NAMES).flatMap(List::stream).toList();

    /** Ends of text like "Jane Smith, a " – the unnamed-looking person that follows is Jane Smith. */
    private static final Pattern NAMED_APPOSITIVE = compile("(?<pre>\\p{L}+\\s+)?" + NAME_RUN + ",\\s+(?:"
            + WORD + "\\s+){0,4}$");

    private static final String PREPOSITIONS = alt(List.of("in", "at", "on", "from", "to", "for", "of", "by", "with",
            "across", "near", "inside", "outside"));

    private static final Pattern CAPITALISED_WORD_AT_END = compile(CAPITALISED + "\\s+$");

    /** How far the vetoes look back: a name of five words, a comma and four words fit many times over. */
    static final int LOOK_BACK = 200;

    private SignalRules() {
    }

    /** True when the match is an appositive of a name ("Jane Smith, a diplomat familiar with the talks");
     *  a place after a preposition ("In Moscow, an official familiar with…") names nobody. */
    private static boolean namedJustBefore(String sentence, Matcher m) {
        var before = endingAt(NAMED_APPOSITIVE, sentence, m.start());
        if (!before.find()) {
            return false;
        }
        String pre = before.group("pre");
        return pre == null || !pre.strip().matches("(?i)" + PREPOSITIONS);
    }

    /** True when a capitalised word stands right before the name: "Maria Vreshinina" is a full name. */
    private static boolean capitalisedJustBefore(String sentence, Matcher m) {
        return endingAt(CAPITALISED_WORD_AT_END, sentence, m.start("t")).find();
    }

    /**
     * A matcher for a pattern anchored with "$" at end, over the last {@link #LOOK_BACK} characters only. Searching
     * the whole text before every match made a veto cost the length of the sentence per match: quadratic. The
     * bounds are transparent, so the pattern's "start of a word" look-behind still sees the character before.
     */
    private static Matcher endingAt(Pattern pattern, String sentence, int end) {
        return pattern.matcher(sentence).region(Math.max(0, end - LOOK_BACK), end).useTransparentBounds(true);
    }

    private static Rule whole(SignalKind kind, Keywords keywords, String regex) {
        return rule(kind, keywords, "(?<t>" + regex + ")");
    }

    private static Rule rule(SignalKind kind, Keywords keywords, String regex) {
        return new Rule(kind, keywords, compile(regex), (sentence, m) -> false);
    }

    private static Pattern compile(String regex) {
        // Every rule starts at the beginning of a word: "someone" holds no "one", "xWestern" no "Western".
        return Pattern.compile("(?<![\\p{L}’'\\-])" + regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
