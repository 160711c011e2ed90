package org.factdesk.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * A digest over every audit event written by transactions with {@code fromTxid <= txid < belowTxid},
 * chained to the previous checkpoint. Outsiders keep copies to detect a rewritten history.
 */
@Entity
@Immutable
public class AuditCheckpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int seq;

    public Instant createdAt;

    public long fromTxid;

    public long belowTxid;

    public long eventCount;

    /** Events covered by this checkpoint and all before it. */
    public long totalEvents;

    public Long lastEventId;

    public String eventsDigest;

    public String prevHash;

    public String hash;

    public static AuditCheckpoint latest() {
        return find("order by seq desc").firstResult();
    }

    public static AuditCheckpoint bySeq(int seq) {
        return find("seq", seq).firstResult();
    }
}
