package org.factdesk.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a person's work, for that person (migration V12). */
@Entity
public class Notification extends PanacheEntityBase {

    /** Where a notification's mail stands. */
    public enum MailState { NONE, PENDING, SENT, FAILED, NO_ADDRESS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The token subject of whom it is for. */
    public String recipient;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    public long ticketId;

    /** The comment that mentioned the recipient, or that carried the request for changes. */
    public Long commentId;

    /** Who did it (a token subject, or "system" for a scheduled publication); never the recipient. */
    public String actor;

    public Instant createdAt;

    public Instant readAt;

    @Enumerated(EnumType.STRING)
    public MailState mailState;

    public int mailAttempts;

    public Instant mailNextAt;

    public Instant mailLeaseUntil;

    public UUID mailLeaseToken;

    public String mailError;
}
