package org.factdesk.notification;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @username}s of a comment: an {@code @} not preceded by a letter, digit or any of
 * {@code .@_-} (so an e-mail address mentions nobody), then a user name of letters, digits and
 * {@code . _ -}, without trailing dots or hyphens (the end of a sentence). Lower-cased, as Keycloak
 * keeps user names; at most {@link #MAX} different ones per comment.
 */
public final class Mentions {

    /** The most people one comment mentions (a longer list is cut, in the order written). */
    public static final int MAX = 20;

    /** Keycloak's user names are at most 255 characters. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([\\p{L}\\p{N}._-]{1,255})");

    private Mentions() {
    }

    public static Set<String> in(String text) {
        Set<String> usernames = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find() && usernames.size() < MAX) {
            String name = matcher.group(1).replaceAll("[.-]+$", "");
            if (!name.isEmpty()) {
                usernames.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return usernames;
    }
}
