package org.factdesk.intake.sourcing;

import java.util.List;

/**
 * Word lists and regular-expression fragments shared by {@link SourcingSignals} and {@link Attribution}.
 * Patterns built from them are compiled with CASE_INSENSITIVE; fragments that depend on capital letters
 * switch it off locally with {@code (?-i:...)}, because Java lets {@code \p{Lu}} match lower case otherwise.
 */
final class Words {

    /** Verbs that introduce what someone said. Forms that double as plural nouns ("claims", "notes",
     *  "states") are left out: "the official claims" would otherwise read as a role speaking. */
    static final List<String> REPORTING_VERBS = List.of(
            "said", "says", "say", "told", "tells", "tell", "stated", "claimed", "argued", "argues", "argue",
            "reiterated", "reiterates", "emphasized", "emphasised", "emphasizes", "emphasises", "stressed",
            "stresses", "warned", "warns", "warn", "cautioned", "cautions", "added", "adds", "noted",
            "insisted", "insists", "insist", "explained", "explains", "asserted", "asserts", "maintained",
            "maintains", "acknowledged", "acknowledges", "admitted", "admits", "announced", "announces",
            "declared", "declares", "confirmed", "confirms", "denied", "denies", "wrote", "writes", "tweeted",
            "reaffirmed", "reaffirms", "remarked", "replied", "responded", "commented", "countered", "conceded",
            "predicted", "alleged", "contended", "contends", "expressed");

    /** Adverbs and auxiliaries allowed between a speaker and the reporting verb ("Putin reportedly reaffirmed",
     *  "officials have warned"). A closed list: matching any "-ly" word would accept "family". */
    static final List<String> ADVERBS = List.of(
            "also", "later", "earlier", "again", "then", "once", "further", "previously", "recently", "repeatedly",
            "publicly", "privately", "separately", "reportedly", "allegedly", "firmly", "flatly", "strongly",
            "has", "have", "had");

    /** People described by what they do rather than by name. Unique offices (president, prime minister,
     *  chancellor, pope, king) are left out: "the president said" identifies one person. */
    static final List<String> ROLES = List.of(
            "spokesperson", "spokesman", "spokeswoman", "official", "diplomat", "minister", "aide", "adviser",
            "advisor", "officer", "commander", "ambassador", "envoy", "negotiator", "mediator", "analyst",
            "expert", "lawyer", "attorney", "prosecutor", "investigator", "witness", "resident", "doctor",
            "researcher", "scientist", "lawmaker", "legislator", "senator", "politician", "activist",
            "executive", "director", "chairman", "chairwoman", "employee", "staffer", "representative",
            "member");

    /** Modifiers that may stand between a determiner and a role or source noun ("a senior Russian official",
     *  "one well-placed source"); any capitalised word also counts ("Kremlin", "U.S.", "Western"). */
    static final List<String> MODIFIERS = List.of(
            "former", "senior", "top", "high-ranking", "high-level", "junior", "mid-level", "current", "retired",
            "western", "foreign", "government", "military", "intelligence", "security", "diplomatic",
            "administration", "industry", "party", "police", "trusted", "reliable", "well-placed", "informed",
            "well-informed", "knowledgeable", "other", "local", "regional", "state", "federal", "defence",
            "defense", "ministry", "campaign", "company", "european");

    /** Function words: never part of a name or of the words of a noun phrase. */
    static final List<String> STOP = List.of(
            "the", "a", "an", "and", "or", "but", "that", "which", "who", "whom", "whose", "this", "these",
            "those", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "he",
            "she", "they", "we", "i", "you", "his", "her", "their", "our", "to", "of", "in", "into", "on", "at",
            "by", "for", "with", "from", "as", "not", "no");

    /** Capitalised words that begin sentences or clauses without being names ("On Tuesday Smith said"). */
    static final List<String> NOT_NAMES = List.of(
            "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "And", "But", "Or", "As", "If",
            "When", "While", "After", "Before", "Yet", "So", "This", "That", "These", "Those", "It", "He", "She",
            "They", "We", "I", "You", "His", "Her", "Their", "Our", "Its", "Some", "Many", "Several", "According",
            "Yesterday", "Today", "Tonight", "Meanwhile", "Earlier", "Later", "Also", "However", "Then",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "June", "July", "August", "September", "October", "November", "December");

    static final String VERB = alt(REPORTING_VERBS);
    static final String ADVERB = alt(ADVERBS);
    static final String ROLE = alt(ROLES);
    /** A role in singular or plural: "official", "officials", "spokesmen". */
    static final String ROLE_OR_ROLES = "(?:(?:" + String.join("|", ROLES) + ")s?|spokesmen|spokeswomen|chairmen|witnesses)"
            + "(?![\\p{L}\\-])";

    /** A capitalised word: "Putin", "Ash-Sharaa", "O’Brien", or initials such as "U.S." (but not "Smith."). */
    static final String CAPITALISED = "(?-i:\\p{Lu}(?:\\.(?:\\p{Lu}\\.)+|[\\p{L}’'\\-]*\\p{L})?)";

    /** A capitalised word that can be part of a name. */
    static final String NAME_WORD = "(?-i:(?!" + alt(NOT_NAMES) + "))" + CAPITALISED;

    /** One to five name words: "Vladimir Putin", "Russian President Vladimir Putin". */
    static final String NAME_RUN = NAME_WORD + "(?:\\s+" + NAME_WORD + "){0,4}";

    /** A single name not followed by another one: "Vreshinina". */
    static final String SINGLE_NAME = NAME_WORD + "(?![\\s\\-]+" + CAPITALISED + ")";

    /** Any word that is not a function word, including initials ("U.S."). */
    static final String WORD = "(?!" + alt(STOP) + ")(?:(?:\\p{L}\\.){2,}|\\p{L}[\\p{L}’'\\-]*)";

    static final String MODIFIER = "(?:" + alt(MODIFIERS) + "|" + CAPITALISED + ")";

    private Words() {
    }

    /** A non-capturing alternation that matches whole words only. */
    static String alt(List<String> words) {
        return "(?:" + String.join("|", words) + ")(?![\\p{L}\\-])";
    }
}
