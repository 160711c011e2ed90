package org.factdesk.common;

/**
 * Untrusted text (names, claims, the public's words, headlines) made fit for one line of a plain-text mail
 * or a header: control characters, line and paragraph separators and bidirectional controls become spaces
 * (no header or line injection, no reordered text), runs of spaces one, and the length bounded.
 */
public final class OneLine {

    private OneLine() {
    }

    /** At most {@code max} characters, cut at a word with "…" when longer. */
    public static String of(String text, int max) {
        String flat = text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]+", " ")
                .replaceAll("\\s{2,}", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }
}
