package org.factdesk.publishing;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from headlines: lower-case ASCII words joined by hyphens. */
public final class Slugs {

    public static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String of(String headline) {
        String ascii = Normalizer.normalize(headline == null ? "" : headline, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "fact-check" : slug;
    }
}
