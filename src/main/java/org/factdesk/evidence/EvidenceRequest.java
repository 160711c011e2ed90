package org.factdesk.evidence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;

import java.time.LocalDate;
import org.factdesk.common.StorableDate;

public record EvidenceRequest(
        @NotBlank @HttpUrl String url,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 10000) String excerpt,
        @NotNull Evidence.SourceKind sourceKind,
        @NotNull Evidence.Stance stance,
        @NotNull @PastOrPresent @StorableDate LocalDate accessedOn,
        @HttpUrl String archiveUrl,
        Long version) {
}
