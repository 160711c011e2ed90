package org.factdesk.workflow;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.article.ArticleRequest;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.people.DeskDirectory;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketStatus;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimAppearance;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.claim.Priority;

import java.time.Instant;
import java.util.List;

/**
 * A claim as the API shows it. {@code appearances} are part of the reviewed content;
 * {@code laterAppearances} were found while it was frozen and join it at the next round of work.
 * {@code claimantErased} says when a claimant was last erased (null: never). Bounds as {@link ClaimRequest}
 * (and {@link Claim#MAX_APPEARANCES}) cap them.
 */
public record ClaimView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                        @Schema(maxLength = ClaimRequest.TEXT_MAX) String text,
                        @Schema(maxLength = ClaimRequest.CLAIMANT_MAX) String claimant, Instant claimantErased,
                        @Schema(maxLength = Limits.LANGUAGE_TAG_MAX) String language,
                        @Schema(maxItems = ClaimRequest.TOPICS_MAX) List<@Size(max = ClaimRequest.TOPIC_MAX) String> topics,
                        Priority priority, Instant deadline,
                        @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long articleId,
                        @Schema(minimum = Limits.ZERO_TEXT, maximum = ArticleRequest.TEXT_MAX_TEXT) Integer sourceStart,
                        @Schema(minimum = "1", maximum = ArticleRequest.TEXT_MAX_TEXT) Integer sourceEnd,
                        @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long duplicateOf,
                        @Schema(maxItems = Claim.MAX_APPEARANCES) List<AppearanceView> appearances,
                        @Schema(maxItems = Claim.MAX_APPEARANCES) List<AppearanceView> laterAppearances,
                        @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long ticketId,
                        TicketStatus ticketStatus, Instant createdAt,
                        @Schema(maxLength = Limits.SUBJECT_MAX) String createdBy, Instant updatedAt,
                        @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version,
                        @Schema(maxLength = DeskDirectory.NAME_MAX) String createdByName) {

    public record AppearanceView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                                 @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String url, Instant appearedAt) {
        static AppearanceView of(ClaimAppearance a) {
            return new AppearanceView(a.id, a.url, a.appearedAt);
        }
    }

    /** {@code createdByName} is null when the desk directory does not know who filed the claim. */
    public static ClaimView of(Claim c, Ticket t, DeskDirectory.Names names) {
        return new ClaimView(c.id, c.text, c.claimant, c.claimantErasedAt, c.language, List.of(c.topics), c.priority,
                c.deadline, c.article == null ? null : c.article.id, c.sourceStart, c.sourceEnd, c.duplicateOf,
                c.appearances.stream().filter(a -> !a.foundLater).map(AppearanceView::of).toList(),
                c.appearances.stream().filter(a -> a.foundLater).map(AppearanceView::of).toList(),
                t.id, t.status, c.createdAt, c.createdBy, c.updatedAt, c.version, names.of(c.createdBy));
    }
}
