package org.factdesk.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;

import java.time.OffsetDateTime;
import java.util.List;
import org.factdesk.common.StorableDate;

/**
 * A claim as a client creates or replaces it. {@code sourceStart}/{@code sourceEnd} locate the claim
 * in its article's text (UTF-16 offsets, end exclusive), so that the web app can highlight it.
 */
public record ClaimRequest(
        @NotBlank @Size(max = 5000) String text,
        @Size(max = 300) String claimant,
        @NotBlank @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a language tag such as en or pt-BR")
        String language,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,
        Priority priority,
        @StorableDate OffsetDateTime deadline,
        Long articleId,
        @Min(0) Integer sourceStart,
        @Min(1) Integer sourceEnd,
        @Size(max = 100) List<@Valid Appearance> appearances,
        Long version) {

    /** Where and when the claim appeared. */
    public record Appearance(@NotBlank @HttpUrl String url, @StorableDate OffsetDateTime appearedAt) {
    }
}
