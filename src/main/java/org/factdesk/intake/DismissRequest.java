package org.factdesk.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.factdesk.article.ArticleRequest;

import java.util.List;

/** Candidates an editor dismisses: sentences of the article, by position, that the desk will not check. */
public record DismissRequest(@NotEmpty @Size(max = AcceptRequest.MAX_ITEMS)
                             List<@NotNull @Min(0) @Max(ArticleRequest.TEXT_MAX) Integer> positions) {
}
