package org.factdesk.tip;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;

import java.util.List;

/**
 * A tip as the public sends it, through the JSON endpoint or the form: the same limits either way.
 * {@code website} is the honeypot, a field people never see (the form hides it; the document says
 * to leave it out): anything in it refuses the tip.
 */
@Schema(description = "A tip from the public. A contact address is kept only with consent: true, to tell its sender the answer.")
public record TipSubmission(
        @NotBlank @Size(max = TipInput.TEXT_MAX) String text,
        @Size(max = TipInput.LINKS_MAX) List<@NotBlank @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String> links,
        @Pattern(regexp = Limits.LANGUAGE_TAG, message = Limits.LANGUAGE_TAG_MESSAGE)
        @Size(max = Limits.LANGUAGE_TAG_MAX) String language,
        @Email @Size(max = TipInput.CONTACT_MAX) String contact,
        Boolean consent,
        @Schema(description = "Leave out: for robots only (a tip with anything here is refused).", maxLength = WEBSITE_MAX)
        @Size(max = WEBSITE_MAX) String website) {

    static final int WEBSITE_MAX = 2048;

    /** The largest request body a valid tip needs, as a form in the dearest encoding (9 bytes a character: a three-byte UTF-8 character percent-encoded) or as JSON. */
    public static final int MAX_BODY_BYTES = 9 * (TipInput.TEXT_MAX + TipInput.LINKS_MAX * (HttpUrl.MAX_LENGTH + 1)
            + Limits.LANGUAGE_TAG_MAX + TipInput.CONTACT_MAX + WEBSITE_MAX) + 1024;

    boolean consented() {
        return Boolean.TRUE.equals(consent);
    }

    boolean hasContact() {
        return contact != null && !contact.isBlank();
    }

    boolean honeypotFilled() {
        return website != null && !website.isEmpty();
    }
}
