package org.factdesk.intake.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits normalised text into sentences. A sentence never crosses a line break, so headlines and paragraphs
 * without final punctuation stay apart.
 *
 * <p>English uses explicit rules rather than OpenNLP's sentence model: measured on news text, the model misses
 * breaks after closing curly quotes and breaks inside "5 p.m. on Friday", "Jan. 5", "Capt. Smith", "J. R. R.
 * Tolkien" and "“Because!” he said", so every one of its decisions would need a rule anyway. The rules, applied
 * where sentence-final punctuation (optionally followed by closing quotes or brackets) meets whitespace:
 * <ol>
 * <li>No break unless the next word starts like a sentence: uppercase letter, digit, opening quote or bracket,
 * or a word such as "iPhone".</li>
 * <li>"?", "!" and ellipses break, except a quoted question or exclamation followed by a name and a reporting
 * verb: "“Why?” Vladimir Putin asked." is one sentence.</li>
 * <li>A period never breaks after a title or a Latin abbreviation ("Mr.", "Dr.", "Gen.", "e.g.", "vs." …) or a
 * single-letter initial other than "I" ("George W. Bush"); so "Plan B. Then" stays one sentence while "So did I.
 * Then" breaks.</li>
 * <li>A period after a numbering or month abbreviation ("No. 10", "Jan. 5", "p. 12") does not break before a
 * digit.</li>
 * <li>A period after an abbreviation that may also end a sentence (dotted acronyms such as "U.S.", "p.m.",
 * "Ph.D."; "Inc.", "Corp.", "Ltd.", "Co.", "Jr.", "Sr.", "St.", months) breaks only when the next word is a
 * typical sentence opener ("The", "He", "But", "In" …) or an opening quote, or a closing quote or bracket follows the period:
 * "in the U.S. The talks" and "“… in the U.S.” Officials" break, "the U.S. Senate" and "in the U.S. Officials"
 * do not.</li>
 * <li>Any other period breaks, including "etc.".</li>
 * </ol>
 * Other languages get {@link BreakIterator}'s rules within each line. A sentence longer than
 * {@link #MAX_SENTENCE_CHARS} is cut at the last whitespace before that length (or at that length when there is
 * none), so that no later step sees an unbounded span. Every rule looks at a bounded neighbourhood of its
 * candidate: splitting takes time linear in the text. Stateless, hence thread-safe; share one instance.
 */
public final class SentenceSplitter {

    /** Longest sentence passed on; real sentences are far shorter (news: rarely over 400 characters), and the
     *  part-of-speech tagger that scores them slows down per word on longer spans. */
    public static final int MAX_SENTENCE_CHARS = 1000;

    private static final String TERMINALS = ".?!…";

    private static final String CLOSERS = "’”\"'»)]";

    private static final String OPENERS = "‘“\"'«([¿¡";

    /** Titles and Latin abbreviations that are practically never the last word of a sentence (stored without the period, lowercase). */
    private static final Set<String> NEVER_FINAL = Set.of(
            "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gen", "gov", "lt", "col", "capt", "cpt", "sgt",
            "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "messrs", "mme", "mlle", "mt", "ft",
            "e.g", "i.e", "vs", "cf", "approx", "ca", "viz");

    /** Abbreviations that introduce a number. */
    private static final Set<String> BEFORE_NUMBER = Set.of(
            "no", "nos", "nr", "p", "pp", "vol", "vols", "art", "fig", "figs", "ch", "chap", "sec", "para", "op",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /** Abbreviations that may also end a sentence, in addition to dotted acronyms and months. */
    private static final Set<String> MAY_END = Set.of(
            "inc", "corp", "ltd", "co", "jr", "sr", "st", "bros", "ave", "blvd", "rd", "dept", "univ", "assn", "al",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /** Words that commonly open a sentence but rarely continue a name such as "U.S. Senate" or "Acme Inc. Chief". */
    private static final Set<String> OPENER_WORDS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
            "his", "her", "their", "our", "my", "your", "there", "here", "but", "and", "or", "so", "yet", "however",
            "meanwhile", "still", "then", "now", "in", "on", "at", "for", "by", "with", "after", "before", "when",
            "while", "if", "as", "since", "although", "though", "some", "many", "most", "both", "each", "what",
            "why", "how", "who", "where", "one", "no", "not", "also", "instead", "despite", "according");

    /** Verbs that attribute a quotation to the name before them. */
    private static final Set<String> REPORTING_VERBS = Set.of(
            "said", "says", "asked", "asks", "added", "adds", "replied", "replies", "wrote", "writes", "told", "tells",
            "shouted", "cried", "insisted", "wondered", "demanded", "exclaimed", "continued");

    /** Short letter groups joined by periods: "U.S", "p.m", "Ph.D" (the final period is not part of the token), but not "example.com". */
    private static final Pattern DOTTED = Pattern.compile("\\p{L}{1,2}(\\.\\p{L}{1,2})+");

    /** English sentences of text as produced by {@link ArticleText}. */
    public List<Sentence> split(String text) {
        return split(text, null);
    }

    /** language: BCP-47 tag; null, blank, "und" or English use the English rules, anything else {@link BreakIterator}. */
    public List<Sentence> split(String text, String language) {
        List<Sentence> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Locale locale = language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language);
        boolean english = locale.getLanguage().isEmpty() || locale.getLanguage().equals("en");
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            List<Integer> breaks = english ? englishBreaks(text, lineStart, lineEnd) : iteratorBreaks(text, lineStart, lineEnd, locale);
            int from = lineStart;
            for (int to : breaks) {
                add(out, text, from, to);
                from = to;
            }
            add(out, text, from, lineEnd);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    /** Adds text[from, to) trimmed, cut into pieces of at most {@link #MAX_SENTENCE_CHARS}. */
    private static void add(List<Sentence> out, String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        while (true) {
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            if (to - from <= MAX_SENTENCE_CHARS) {
                break;
            }
            int cut = cutPoint(text, from, from + MAX_SENTENCE_CHARS);
            addTrimmed(out, text, from, cut);
            from = cut;
        }
        addTrimmed(out, text, from, to);
    }

    /** The last whitespace in text(from, limit], or limit itself (moved off a surrogate pair) when a span has none. */
    private static int cutPoint(String text, int from, int limit) {
        for (int i = limit; i > from; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private static void addTrimmed(List<Sentence> out, String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from < to) {
            out.add(new Sentence(out.size(), from, to, text.substring(from, to)));
        }
    }

    private static List<Integer> iteratorBreaks(String text, int start, int end, Locale locale) {
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        it.setText(text.substring(start, end));
        List<Integer> breaks = new ArrayList<>();
        for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
            breaks.add(start + b);
        }
        return breaks;
    }

    /** Break positions (end of the sentence, before the whitespace) within text[start, end). */
    private static List<Integer> englishBreaks(String text, int start, int end) {
        List<Integer> breaks = new ArrayList<>();
        int i = start;
        while (i < end) {
            if (TERMINALS.indexOf(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int punctStart = i;
            while (i < end && TERMINALS.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            int punctEnd = i;
            while (i < end && CLOSERS.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            int sentenceEnd = i;
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > sentenceEnd && i < end && breaksBefore(text, punctStart, punctEnd, sentenceEnd > punctEnd, i, end)) {
                breaks.add(sentenceEnd);
            }
        }
        return breaks;
    }

    /** Decides one candidate: punctuation text[punctStart, punctEnd), then closing quotes or brackets if quoted, next sentence would start at next. */
    private static boolean breaksBefore(String text, int punctStart, int punctEnd, boolean quoted, int next, int end) {
        char first = text.charAt(next);
        String nextWord = word(text, next, end);
        boolean startsSentence = Character.isUpperCase(first) || Character.isTitleCase(first) || Character.isDigit(first)
                || OPENERS.indexOf(first) >= 0 || (nextWord.length() > 1 && Character.isUpperCase(nextWord.charAt(1)));
        if (!startsSentence) {
            return false;
        }
        if (punctEnd - punctStart > 1 || text.charAt(punctStart) != '.') {
            boolean question = text.substring(punctStart, punctEnd).chars().anyMatch(c -> c == '?' || c == '!');
            return !(quoted && question && attribution(text, next, end));
        }
        String token = tokenBefore(text, punctStart);
        String lower = token.toLowerCase(Locale.ROOT);
        if (NEVER_FINAL.contains(lower) || initial(token)) {
            return false;
        }
        if (BEFORE_NUMBER.contains(lower) && Character.isDigit(first)) {
            return false;
        }
        if (MAY_END.contains(lower) || DOTTED.matcher(token).matches()) {
            return quoted || OPENERS.indexOf(first) >= 0 || OPENER_WORDS.contains(nextWord.toLowerCase(Locale.ROOT));
        }
        return true;
    }

    /** A name then a reporting verb, as in "“Why?” Vladimir Putin asked.", which continues the quoted question. */
    private static boolean attribution(String text, int next, int end) {
        // Only the next four words: reading the rest of the line for every quoted question would be quadratic.
        int from = next;
        for (int i = 0; i < 4 && from < end; i++) {
            int to = from;
            while (to < end && !Character.isWhitespace(text.charAt(to))) {
                to++;
            }
            String word = withoutTrailingPunctuation(text.substring(from, to));
            from = to;
            while (from < end && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            if (i > 0 && REPORTING_VERBS.contains(word)) {
                return true;
            }
            if (word.isEmpty() || !Character.isUpperCase(word.charAt(0)) || OPENER_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return false;
    }

    /** "Smith" for "Smith,"; a loop rather than "\\p{P}+$", which retries from every position of a run of punctuation. */
    private static String withoutTrailingPunctuation(String word) {
        int end = word.length();
        while (end > 0 && punctuation(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }

    /** Unicode's P categories, as \\p{P} in a regular expression. */
    private static boolean punctuation(char c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** "W" in "George W. Bush"; not "I", which ends "so do I." and "World War I." as often as it abbreviates a name. */
    private static boolean initial(String token) {
        return token.length() == 1 && Character.isUpperCase(token.charAt(0)) && token.charAt(0) != 'I';
    }

    /** The word ending at the period, without opening quotes or brackets: "U.S" for "(U.S.". */
    private static String tokenBefore(String text, int period) {
        int from = period;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        while (from < period && OPENERS.indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        return text.substring(from, period);
    }

    /** The run of letters starting at from. */
    private static String word(String text, int from, int end) {
        int to = from;
        while (to < end && Character.isLetter(text.charAt(to))) {
            to++;
        }
        return text.substring(from, to);
    }
}
