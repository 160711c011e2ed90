package org.factdesk.intake.text;

/**
 * A sentence of the normalised article text; start/end are UTF-16 offsets (String indices) into that text,
 * end exclusive, text == normalised.substring(start, end), trimmed of surrounding whitespace.
 */
public record Sentence(int index, int start, int end, String text) {
}
