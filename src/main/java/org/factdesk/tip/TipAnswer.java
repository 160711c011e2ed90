package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/**
 * One answer to one requester (migration V14, {@code tip_answer}): written in the transaction of the
 * publication, correction or retraction (or of the tip, for an automatic answer) and sent after the commit
 * by {@link TipAnswerSender}, with the same {@code messageId} on every attempt.
 */
@Entity
public class TipAnswer extends PanacheEntityBase {

    /** What the answer tells; the {@code kind} column's values. */
    public static final String PUBLISHED = "published";
    public static final String CORRECTED = "corrected";
    public static final String RETRACTED = "retracted";
    /** The desk answered by itself with a published fact-check close to the tip (desk settings). */
    public static final String AUTO = "auto";

    /** PENDING: to be sent; SENT; FAILED: given up; DROPPED: nothing can go out any more (above all: the contact was removed). */
    public enum State { PENDING, SENT, FAILED, DROPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long tipId;

    public String kind;

    public long ticketId;

    /** The published verdict version the answer is about. */
    public int version;

    /** An RFC 5322 Message-ID (also the partner's {@code webhook-id}), the same on every attempt. */
    public String messageId;

    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;

    public Instant nextAt;

    public Instant leaseUntil;

    public UUID leaseToken;

    public Instant sentAt;

    public String error;
}
