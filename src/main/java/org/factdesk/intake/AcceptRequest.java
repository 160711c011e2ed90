package org.factdesk.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.factdesk.claim.Priority;

import java.time.OffsetDateTime;
import java.util.List;
import org.factdesk.common.StorableDate;

/**
 * Candidates an editor accepts. Each item either becomes a new claim (text and claimant as
 * proposed unless edited here) or, with {@code linkTo}, another appearance of an existing claim.
 */
public record AcceptRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull Item> items) {

    public record Item(@NotNull @Min(0) Integer position,
                       @Size(max = 5000) String text,
                       @Size(max = 300) String claimant,
                       Priority priority,
                       @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,
                       @StorableDate OffsetDateTime deadline,
                       Long linkTo) {

        boolean editsClaim() {
            return text != null || claimant != null || priority != null || topics != null || deadline != null;
        }
    }

    /** What became of each item. */
    public record Outcome(int position, long claimId, long ticketId, boolean linked) {
    }
}
