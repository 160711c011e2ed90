package org.factdesk.tip;

import java.util.List;
import java.util.Locale;

/**
 * The languages the public tip pages are offered in, and which one a request gets: {@code ?lang=} (or
 * the form's own) if offered, else the best of the browser's {@code Accept-Language}, else the desk's
 * language (factdesk.publisher.language), else English.
 */
final class TipLanguages {

    /** Each has its {@code messages/tipmsg_<tag>.properties} (English is {@link TipMessages} itself). */
    static final List<String> OFFERED = List.of("en", "es");

    private TipLanguages() {
    }

    static String choose(String asked, String acceptLanguage, String deskLanguage) {
        String exact = offered(asked);
        if (exact != null) {
            return exact;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), OFFERED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                // a malformed header is no preference
            }
        }
        String desk = offered(deskLanguage);
        return desk != null ? desk : OFFERED.get(0);
    }

    /** The offered language this tag names (its primary language: {@code es-MX} is {@code es}), or null. */
    static String offered(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = Locale.forLanguageTag(tag.strip()).getLanguage();
        return OFFERED.contains(primary) ? primary : null;
    }

    /** A language's name in that language, as people look for their own in a list. */
    static String autonym(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
