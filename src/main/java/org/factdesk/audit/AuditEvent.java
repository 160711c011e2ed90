package org.factdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * Who did what to which ticket, when, and what changed. Written once by {@link AuditLog}, never
 * updated or deleted by the application.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** "ticket:{id}" or "desk": each stream is one hash chain. */
    public String stream;

    public int seq;

    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The token subject of the person, or "system". */
    public String actor;

    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode changes;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}
