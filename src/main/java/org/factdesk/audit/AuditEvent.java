package org.factdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** "ticket:{id}" or "desk": each stream is one hash chain. */
    public String stream;

    public int seq;

    public Long ticketId;

    public Instant occurredAt;

    /** The token subject of the person, or "system". */
    public String actor;

    public String action;

    public String fromStatus;

    public String toStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode changes;

    public String prevHash;

    public String hash;
}
