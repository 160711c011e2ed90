package org.factdesk.deskmetrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

/** A ticket behind a figure: its claim's first words, and its value for a stage (seconds), if the figure is one. */
public record FigureTicket(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                           @Schema(maxLength = FigureTicket.EXCERPT_MAX) String claim,
                           @Schema(minimum = Limits.ZERO_TEXT) Double seconds) {

    static final int EXCERPT_MAX = 200;

    static String excerpt(String text) {
        return text == null || text.length() <= EXCERPT_MAX ? text : text.substring(0, EXCERPT_MAX - 1) + "…";
    }
}
