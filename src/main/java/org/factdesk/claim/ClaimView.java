package org.factdesk.claim;

import org.factdesk.ticket.Ticket;

import java.time.Instant;
import java.util.List;

/**
 * A claim as the API shows it. {@code appearances} are part of the reviewed content;
 * {@code laterAppearances} were found while it was frozen and join it at the next round of work.
 * {@code claimantErased} says when a claimant was last erased (null: never).
 */
public record ClaimView(Long id, String text, String claimant, Instant claimantErased, String language, List<String> topics,
                        Priority priority, Instant deadline, Long articleId, Integer sourceStart, Integer sourceEnd,
                        Long duplicateOf, List<AppearanceView> appearances, List<AppearanceView> laterAppearances,
                        Long ticketId, String ticketStatus, Instant createdAt, String createdBy, Instant updatedAt,
                        long version) {

    public record AppearanceView(Long id, String url, Instant appearedAt) {
        static AppearanceView of(ClaimAppearance a) {
            return new AppearanceView(a.id, a.url, a.appearedAt);
        }
    }

    public static ClaimView of(Claim c, Ticket t) {
        return new ClaimView(c.id, c.text, c.claimant, c.claimantErasedAt, c.language, List.of(c.topics), c.priority,
                c.deadline, c.article == null ? null : c.article.id, c.sourceStart, c.sourceEnd, c.duplicateOf,
                c.appearances.stream().filter(a -> !a.foundLater).map(AppearanceView::of).toList(),
                c.appearances.stream().filter(a -> a.foundLater).map(AppearanceView::of).toList(),
                t.id, t.status.name(), c.createdAt, c.createdBy, c.updatedAt, c.version);
    }
}
