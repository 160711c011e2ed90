package org.factdesk.notification;

/** What a notification tells its recipient: a small, closed set (the table's CHECK lists the same). */
public enum NotificationKind {
    /** Someone else gave you a ticket (an assignment, or a correction started with you named). */
    ASSIGNED("assigned you"),
    /** A reviewer sent your work back. */
    CHANGES_REQUESTED("requested changes on your check of"),
    /** Someone mentioned you (@username) in a comment. */
    MENTIONED("mentioned you in a comment on"),
    /** Your work was approved. */
    APPROVED("approved your check of"),
    /** Your work was published. */
    PUBLISHED("published your check of");

    /** Longer than any kind's name (the API states it as their bound). */
    public static final int NAME_MAX = 32;

    /** What the actor did, to stand between their name and the ticket ("Bob approved your check of ticket 12"). */
    public final String phrase;

    NotificationKind(String phrase) {
        this.phrase = phrase;
    }
}
