package org.factdesk.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import org.factdesk.people.DeskDirectory;
import java.time.Instant;

/**
 * {@code body} is null and {@code bodyErased} says when once the body has been erased; {@code authorName} is null
 * when the desk directory does not know the author.
 */
public record CommentView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                          @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                          @Schema(maxLength = Limits.SUBJECT_MAX) String author,
                          @Schema(maxLength = CommentResource.BODY_MAX) String body, Instant bodyErased, Instant createdAt,
                          @Schema(maxLength = DeskDirectory.NAME_MAX) String authorName) {
    static CommentView of(Comment c, DeskDirectory.Names names) {
        return new CommentView(c.id, c.ticketId, c.author, c.body, c.bodyErasedAt, c.createdAt, names.of(c.author));
    }
}
