package org.factdesk.tip;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.claim.Priority;
import org.factdesk.common.Limits;

import java.util.List;

/**
 * The claim a group of tips becomes: a shortened {@link ClaimRequest} (the web app fills in the group's
 * text and language for the editor to edit).
 */
public record TipClaimRequest(
        @NotBlank @Size(max = ClaimRequest.TEXT_MAX) String text,
        @NotBlank @Pattern(regexp = Limits.LANGUAGE_TAG, message = Limits.LANGUAGE_TAG_MESSAGE)
        @Size(max = Limits.LANGUAGE_TAG_MAX) String language,
        @Size(max = ClaimRequest.CLAIMANT_MAX) String claimant,
        @Size(max = ClaimRequest.TOPICS_MAX) List<@NotBlank @Size(max = ClaimRequest.TOPIC_MAX) String> topics,
        Priority priority) {

    ClaimRequest toClaimRequest() {
        return new ClaimRequest(text, claimant, language, topics, priority, null, null, null, null, null, null);
    }
}
