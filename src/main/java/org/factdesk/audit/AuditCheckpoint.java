package org.factdesk.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * A digest over every audit event written by transactions with {@code fromTxid <= txid < belowTxid},
 * chained to the previous checkpoint. Outsiders keep copies to detect a rewritten history.
 */
@Entity
@Immutable
@Table(name = "audit_checkpoint")
public class AuditCheckpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int seq;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "from_txid")
    public long fromTxid;

    @Column(name = "below_txid")
    public long belowTxid;

    @Column(name = "event_count")
    public long eventCount;

    /** Events covered by this checkpoint and all before it. */
    @Column(name = "total_events")
    public long totalEvents;

    @Column(name = "last_event_id")
    public Long lastEventId;

    @Column(name = "events_digest")
    public String eventsDigest;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;

    public static AuditCheckpoint latest() {
        return find("order by seq desc").firstResult();
    }

    public static AuditCheckpoint bySeq(int seq) {
        return find("seq", seq).firstResult();
    }
}
