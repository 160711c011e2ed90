package org.factdesk.tip;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;

/** A partner's tipline to register: its name (in the tips' {@code channel}) and where its requesters' answers go. */
public record ChannelRequest(@NotBlank @Size(max = PartnerChannel.NAME_MAX)
                             @Pattern(regexp = PartnerChannel.NAME, message = PartnerChannel.NAME_MESSAGE) String name,
                             @NotBlank @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String replyUrl) {
}
