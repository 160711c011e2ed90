package org.factdesk.notification;

import org.factdesk.common.Actor;
import org.factdesk.common.OneLine;

/**
 * The words of a notification, for the API's views and for mail. Names and claims are untrusted text:
 * {@link #line} makes them one line without control characters (no header or line injection in mail),
 * and bounds them.
 */
public final class NotificationText {

    public static final int PHRASE_MAX = 64;
    public static final int EXCERPT_MAX = 200;
    public static final int SENTENCE_MAX = 1200;

    private NotificationText() {
    }

    /** Who did it, in words: their name, else "Factdesk" for the scheduled jobs, else "Someone". */
    static String who(String actor, String actorName) {
        if (actorName != null) {
            return line(actorName, 520);
        }
        return Actor.SYSTEM.subject().equals(actor) ? "Factdesk" : "Someone";
    }

    /** "Bob Reviewer approved your check of ticket 12". */
    static String sentence(NotificationKind kind, String actor, String actorName, long ticketId) {
        return who(actor, actorName) + " " + kind.phrase + " ticket " + ticketId;
    }

    /** The beginning of a claim, on one line, cut at a word with "…" when longer than {@link #EXCERPT_MAX}. */
    static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        return line(text, EXCERPT_MAX);
    }

    /** One line without control characters, at most {@code max} characters ({@link OneLine}). */
    static String line(String text, int max) {
        return OneLine.of(text, max);
    }
}
