package org.factdesk.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** One message to one endpoint, in the outbox until it is delivered or given up. */
@Entity
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long endpointId;

    /** The {@code webhook-id}: the same on every retry, so that receivers can drop duplicates. */
    public String messageId;

    public String eventType;

    public long ticketId;

    public String body;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    public Instant nextAttemptAt;

    public Instant leaseUntil;

    /** Set with each lease; only the sender holding it may record the outcome. */
    public UUID leaseToken;

    public Integer lastStatus;

    public String lastError;

    public Instant createdAt;

    public Instant deliveredAt;
}
