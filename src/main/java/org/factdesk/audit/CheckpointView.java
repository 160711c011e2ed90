package org.factdesk.audit;

import java.time.Instant;

public record CheckpointView(int seq, Instant createdAt, long fromTxid, long belowTxid, long eventCount,
                             long totalEvents, Long lastEventId, String eventsDigest, String prevHash, String hash) {

    static CheckpointView of(AuditCheckpoint c) {
        return new CheckpointView(c.seq, c.createdAt, c.fromTxid, c.belowTxid, c.eventCount, c.totalEvents,
                c.lastEventId, c.eventsDigest, c.prevHash, c.hash);
    }
}
