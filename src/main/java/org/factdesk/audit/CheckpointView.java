package org.factdesk.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

import java.time.Instant;

/** A checkpoint: transaction ids are PostgreSQL's (xid8), hashes SHA-256 hex. */
public record CheckpointView(@Schema(minimum = "1", maximum = Limits.INT_MAX_TEXT) int seq, Instant createdAt,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long fromTxid,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long belowTxid,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long eventCount,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long totalEvents,
                             @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long lastEventId,
                             @Schema(minLength = AuditHash.HEX_LENGTH, maxLength = AuditHash.HEX_LENGTH,
                                     pattern = AuditHash.HEX_PATTERN) String eventsDigest,
                             @Schema(minLength = AuditHash.HEX_LENGTH, maxLength = AuditHash.HEX_LENGTH,
                                     pattern = AuditHash.HEX_PATTERN) String prevHash,
                             @Schema(minLength = AuditHash.HEX_LENGTH, maxLength = AuditHash.HEX_LENGTH,
                                     pattern = AuditHash.HEX_PATTERN) String hash) {

    static CheckpointView of(AuditCheckpoint c) {
        return new CheckpointView(c.seq, c.createdAt, c.fromTxid, c.belowTxid, c.eventCount, c.totalEvents,
                c.lastEventId, c.eventsDigest, c.prevHash, c.hash);
    }
}
