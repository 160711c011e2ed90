package org.factdesk.intake.sourcing;

/** One trigger: the words that fired, as UTF-16 offsets into the sentence string given (end exclusive). */
public record Trigger(int start, int end, String text) {
}
