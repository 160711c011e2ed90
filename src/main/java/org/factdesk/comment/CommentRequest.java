package org.factdesk.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CommentRequest(@NotBlank @Size(max = CommentResource.BODY_MAX) String body) {
}
