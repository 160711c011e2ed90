package org.factdesk.intake.sourcing;

/** The kinds of weak or unverifiable sourcing that {@link SourcingSignals} flags. */
public enum SignalKind {
    /** The text itself says the source is unidentified: anonymity, "sources", "insiders", "people familiar with". */
    ANONYMOUS_SOURCE,
    /** The writer distances the statement from any source: "reportedly", "is said to", "reports suggest". */
    HEDGE,
    /** The statement rests on documents the reader cannot see: "leaked transcript", "classified briefings". */
    LEAKED_OR_CLASSIFIED,
    /** A speaker introduced with one name only ("Vreshinina, a Kremlin spokesperson,") or by role alone ("the diplomat cautioned"). */
    PARTIAL_NAME
}
