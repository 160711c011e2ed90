package org.factdesk.intake.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns fetched or pasted article content into the one plain-text form that sentences and offsets refer to. */
public final class ArticleText {

    /** Elements whose content is never article prose. Navigation, asides and captions stay: cutting boilerplate is extraction, not normalisation. */
    private static final String DROPPED = "script, style, noscript, template, svg, math, iframe, object, embed, canvas";

    /** Table cells and list-like parts jsoup may treat as inline but that never continue a sentence. */
    private static final Set<String> EXTRA_BREAKS = Set.of("td", "th", "dt", "dd", "figcaption", "caption", "option");

    private static final Pattern HTML_TAG = Pattern.compile(
            "<(!doctype\\s+html|html|head|body|p|div|br|span|article|section|main|header|footer|h[1-6]|ul|ol|li"
                    + "|table|tr|td|blockquote|a|b|i|em|strong|img|meta|title|figure)[\\s/>]",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HTML_WHITESPACE = Pattern.compile("[ \t\n\r\f]+");

    /** Line and paragraph separators that plain text may use instead of \n. */
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|[\r\u0085\u2028\u2029]");

    private static final Pattern SPACE_RUNS = Pattern.compile(" {2,}");

    private static final Pattern BLANK_LINE_RUNS = Pattern.compile("\n{3,}");

    private ArticleText() {
    }

    /** HTML to plain text: block boundaries and {@code <br>} become line breaks so no sentence runs across them, then {@link #normalize}. */
    public static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parse(html).body();
        body.select(DROPPED).remove();
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(inPre(text) ? text.getWholeText() : HTML_WHITESPACE.matcher(text.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element element && element.nameIs("br")) {
                    endLine(out, true);
                } else if (node instanceof Element element && breaks(element)) {
                    endLine(out, false);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && breaks(element) && !element.nameIs("br")) {
                    endLine(out, false);
                }
            }
        });
        return normalize(out.toString());
    }

    /**
     * Ends the current line. Adjacent block boundaries ("&lt;/p&gt;&lt;p&gt;") and the source whitespace between
     * them make one line break; only {@code <br>} always adds one, so "&lt;br&gt;&lt;br&gt;" leaves a blank line.
     */
    private static void endLine(StringBuilder out, boolean always) {
        int length = out.length();
        while (length > 0 && out.charAt(length - 1) == ' ') {
            length--;
        }
        out.setLength(length);
        if (always || (length > 0 && out.charAt(length - 1) != '\n')) {
            out.append('\n');
        }
    }

    private static boolean breaks(Element element) {
        return element.isBlock() || EXTRA_BREAKS.contains(element.normalName());
    }

    /** Source line breaks in {@code <pre>} are real line breaks; everywhere else HTML treats them as spaces. */
    private static boolean inPre(TextNode text) {
        for (Element e = text.parent(); e != null; e = e.parent()) {
            if (e.nameIs("pre") || e.nameIs("textarea")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Plain text normalisation: NFC, every line break style to \n, Unicode spaces and tabs to single spaces, lines
     * trimmed, at most one blank line in a row, control and invisible format characters removed. Quotes are kept as
     * they are: offsets and quotations must match what the author wrote.
     */
    public static String normalize(String plain) {
        if (plain == null || plain.isEmpty()) {
            return "";
        }
        String text = LINE_BREAKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFC)).replaceAll("\n");
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (c == '\t' || Character.isSpaceChar(c) || Character.isWhitespace(c)) {
                out.append(' ');
            } else if (!invisible(c)) {
                out.appendCodePoint(c);
            }
        });
        String[] lines = out.toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = SPACE_RUNS.matcher(lines[i]).replaceAll(" ").strip();
        }
        return BLANK_LINE_RUNS.matcher(String.join("\n", lines)).replaceAll("\n\n").strip();
    }

    /** Control characters, plus format characters that only break words apart invisibly (soft hyphen, zero-width space, BOM, word joiner). Joiners needed by emoji and scripts stay. */
    private static boolean invisible(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == '\u00AD' || c == '\u200B' || c == '\uFEFF' || c == '\u2060';
    }

    /** True when the text starts with '<' after whitespace and contains a common HTML tag. */
    public static boolean looksLikeHtml(String text) {
        if (text == null) {
            return false;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).strip();
        }
        return trimmed.startsWith("<") && HTML_TAG.matcher(trimmed).find();
    }
}
