package org.factdesk.erasure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

import java.time.Instant;

public record ErasureView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                          @Schema(maxLength = ErasureKind.NAME_MAX) String kind,
                          @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long targetId,
                          @Schema(maxLength = ErasureResource.REASON_MAX) String reason, Instant erasedAt,
                          @Schema(maxLength = Limits.SUBJECT_MAX) String erasedBy) {

    static ErasureView of(Erasure e) {
        return new ErasureView(e.id, e.kind, e.targetId, e.reason, e.erasedAt, e.erasedBy);
    }
}
