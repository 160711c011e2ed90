package org.factdesk.evidence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;

import java.time.LocalDate;
import org.factdesk.common.StorableDate;

public record EvidenceRequest(
        @NotBlank @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String url,
        @NotBlank @Size(max = TITLE_MAX) String title,
        @Size(max = EXCERPT_MAX) String excerpt,
        @NotNull Evidence.SourceKind sourceKind,
        @NotNull Evidence.Stance stance,
        @NotNull @PastOrPresent @StorableDate LocalDate accessedOn,
        @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String archiveUrl,
        @PositiveOrZero @Max(Limits.COUNT_MAX) Long version) {

    public static final int TITLE_MAX = 500;
    public static final int EXCERPT_MAX = 10_000;
}
