package org.factdesk.tip;

/** Where a tip stands, as its requester sees it: nothing about who handles it or what others sent. */
public enum TipStage {

    /** Waiting for the desk: its group is neither taken up nor dismissed. */
    RECEIVED("received"),
    /** Its group was turned into or attached to a claim that is being checked. */
    BEING_CHECKED("being-checked"),
    /** A fact-check answers it (published, corrected or retracted; or the desk's own immediate answer). */
    ANSWERED("answered"),
    /** Dismissed, or its claim's check was discarded. */
    NOT_TAKEN_UP("not-taken-up");

    /** The name the public sees (JSON, URLs of the documentation, the pages' message keys). */
    public final String code;

    TipStage(String code) {
        this.code = code;
    }
}
