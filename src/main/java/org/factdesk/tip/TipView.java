package org.factdesk.tip;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;

import java.time.Instant;
import java.util.List;

/**
 * One tip of a group as the desk sees it: the public's words and links (untrusted, shown as text), its
 * channel, language and when it came, and whether the desk answered it by itself. Never the contact or
 * the receipt token.
 */
public record TipView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
                      @Schema(maxLength = TipInput.TEXT_MAX) String text,
                      @Schema(maxItems = TipInput.LINKS_MAX) List<@Size(max = HttpUrl.MAX_LENGTH) String> links,
                      @Schema(maxLength = TipGroupView.CHANNEL_NAME_MAX) String channel,
                      @Schema(nullable = true, maxLength = Limits.LANGUAGE_TAG_MAX) String language,
                      Instant receivedAt,
                      boolean autoAnswered) {

    static TipView of(Tip tip) {
        return new TipView(tip.id, tip.text, List.of(tip.links), tip.channel, tip.language, tip.receivedAt,
                tip.autoAnsweredClaimId != null);
    }
}
