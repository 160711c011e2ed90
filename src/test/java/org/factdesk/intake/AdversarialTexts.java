package org.factdesk.intake;

import org.factdesk.intake.text.ArticleText;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Texts that stress the intake's patterns: for every word list and regular expression of the intake classes
 * (read from the classes themselves, so a new rule is covered without touching this file), its literal phrases
 * repeated in several shapes; plus structural texts (long tokens, runs of punctuation, quotes, dots, capitals,
 * digits, nested HTML). Each generator gives a text of exactly the length asked for.
 */
final class AdversarialTexts {

    record Generator(String name, IntFunction<String> text) {
    }

    /** Classes whose static word lists and patterns are mined for trigger phrases. */
    static final List<String> SOURCES = List.of(
            "org.factdesk.intake.sourcing.Words", "org.factdesk.intake.sourcing.SignalRules",
            "org.factdesk.intake.sourcing.Attribution", "org.factdesk.intake.worthiness.Features",
            "org.factdesk.intake.text.SentenceSplitter", "org.factdesk.intake.text.ArticleText");

    /** Runs of characters that are not words: each is repeated on its own. */
    static final List<String> STRUCTURAL_UNITS = List.of(
            "a", "A", "Aaaa ", "a ", "1", "1 ", "1.2.", ". ", ".", "…", "!", "?", "?! ", ",", ", ", "’", "' ", "\"",
            "\" ", "“", "”", "“x” ", "‘x’ ", "(", "( ", "-", "- ", "a.a.", "A. ", "U.S. ", "Mr. ", "e.g. ", "No. 1 ",
            "?” Smith said ", "\u00AD", "\u200B", "😀", "Ω");

    /** HTML that nests or repeats elements: jsoup and the text walk see every node. */
    static final List<String> HTML_UNITS = List.of("<b>x", "<div>x", "<p>x</p>", "<a href=x>y", "<br>", "<i><b>x",
            "<pre>x\n", "<table><tr><td>x");

    private AdversarialTexts() {
    }

    /** One generator per phrase group; each phrase in several shapes, "p p, P p x ": repeated, before a comma,
     *  capitalised (names) and before another word ("according to x according to x …"). */
    static List<Generator> phraseGenerators() {
        List<Generator> generators = new ArrayList<>();
        phraseGroups().forEach((name, phrases) -> {
            StringBuilder unit = new StringBuilder();
            for (String p : phrases) {
                unit.append(p).append(' ').append(p).append(", ").append(capitalised(p)).append(' ').append(p).append(" x ");
            }
            String u = unit.toString();
            generators.add(new Generator(name, n -> repeat(u, n)));
        });
        return generators;
    }

    static List<Generator> structuralGenerators() {
        List<Generator> generators = new ArrayList<>();
        for (String unit : STRUCTURAL_UNITS) {
            generators.add(new Generator("repeated " + visible(unit), n -> repeat(unit, n)));
        }
        for (String unit : HTML_UNITS) {
            generators.add(new Generator("HTML " + visible(unit), n -> "<html><body>" + repeat(unit, n - 12)));
        }
        return generators;
    }

    /** The text the server would keep: HTML reduced, plain text normalised. */
    static String plain(String text) {
        return ArticleText.looksLikeHtml(text) ? ArticleText.fromHtml(text) : ArticleText.normalize(text);
    }

    /** Phrases per static field (and per rule of a list of rules), in declaration order; a field whose phrases
     *  another field already gave (a list and the pattern built from it) is left out. */
    static Map<String, Set<String>> phraseGroups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String className : SOURCES) {
            try {
                Class<?> type = Class.forName(className);
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object value = field.get(null);
                    String name = type.getSimpleName() + "." + field.getName();
                    if (value instanceof String regex) {
                        add(groups, name, phrases(regex));
                    } else if (value instanceof Pattern pattern) {
                        add(groups, name, phrases(pattern.pattern()));
                    } else if (value instanceof Collection<?> items) {
                        int i = 0;
                        Set<String> found = new LinkedHashSet<>();
                        for (Object item : items) {
                            if (item instanceof String word) {
                                found.addAll(phrases(word));
                            } else if (item != null && item.getClass().isRecord()) {
                                add(groups, name + "[" + i + "]", phrases(patternsOf(item)));
                            }
                            i++;
                        }
                        add(groups, name, found);
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(className, e);
            }
        }
        return groups;
    }

    /** The sources of the patterns a record (a rule) holds. */
    private static String patternsOf(Object record) throws ReflectiveOperationException {
        StringBuilder sources = new StringBuilder();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            Object value = accessor.invoke(record);
            if (value instanceof Pattern p) {
                sources.append(p.pattern()).append('|');
            }
        }
        return sources.toString();
    }

    private static void add(Map<String, Set<String>> groups, String name, Set<String> phrases) {
        if (!phrases.isEmpty() && !groups.containsValue(phrases)) {
            groups.put(name, phrases);
        }
    }

    /** The literal phrases of a regular expression: "according\\s+to\\s+(?:some|…)" gives "according to", "some", … */
    static Set<String> phrases(String regex) {
        String s = regex.replaceAll("\\(\\?<[a-zA-Z]+>", "|")
                .replaceAll("\\(\\?-?i:", "|")
                .replace("\\s+", " ").replace("\\s*", " ").replace("\\s", " ")
                .replaceAll("\\\\[pP]\\{[^}]*}", "|")
                .replaceAll("\\\\[a-zA-Z]", "|")
                .replaceAll("\\{\\d*,?\\d*}", "|");
        Set<String> phrases = new LinkedHashSet<>();
        for (String part : s.split("[^\\p{L}’'\\- ]+")) {
            String phrase = part.strip().replaceAll(" +", " ");
            if (phrase.length() >= 2 && phrase.chars().anyMatch(Character::isLetter)) {
                phrases.add(phrase);
            }
        }
        return phrases;
    }

    static String repeat(String unit, int length) {
        StringBuilder out = new StringBuilder(length + unit.length());
        while (out.length() < length) {
            out.append(unit);
        }
        out.setLength(length);
        return out.toString();
    }

    private static String capitalised(String phrase) {
        StringBuilder out = new StringBuilder();
        for (String word : phrase.split(" ")) {
            out.append(out.isEmpty() ? "" : " ").append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return out.toString();
    }

    private static String visible(String unit) {
        return "'" + unit.replace("\n", "\\n").replace("\u00AD", "\\u00AD").replace("\u200B", "\\u200B") + "'";
    }
}
