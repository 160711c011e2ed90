package org.factdesk.tip;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;

import java.util.List;

/**
 * A tip as a partner's tipline posts it. {@code requesterId} is the partner's own id for the person
 * (how its bot answers them), kept only when {@code consent} is true and dropped otherwise.
 */
public record PartnerTipRequest(@NotBlank @Size(max = TipInput.TEXT_MAX) String text,
                                @Size(max = TipInput.LINKS_MAX)
                                List<@NotBlank @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String> links,
                                @Size(max = Limits.LANGUAGE_TAG_MAX)
                                @Pattern(regexp = Limits.LANGUAGE_TAG, message = Limits.LANGUAGE_TAG_MESSAGE) String language,
                                @Size(min = 1, max = TipInput.CONTACT_MAX)
                                @Pattern(regexp = REQUESTER_ID, message = "must not contain control characters") String requesterId,
                                Boolean consent) {

    /** Printable text: it goes back to the partner with every answer. */
    static final String REQUESTER_ID = "[^\\p{Cntrl}]+";

    TipInput toInput(String channel) {
        return new TipInput(channel, text, links, language, requesterId, Boolean.TRUE.equals(consent));
    }
}
