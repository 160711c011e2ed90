package org.factdesk.erasure;

import java.time.Instant;

public record ErasureView(Long id, String kind, long targetId, String reason, Instant erasedAt, String erasedBy) {

    static ErasureView of(Erasure e) {
        return new ErasureView(e.id, e.kind, e.targetId, e.reason, e.erasedAt, e.erasedBy);
    }
}
