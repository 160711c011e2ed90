package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A partner's tipline (migration V14, {@code tip_channel}): it posts tips signed with {@code secret}
 * (Standard Webhooks, as the desk's own webhooks are signed) and receives its requesters' answers at
 * {@code replyUrl}, signed the same way.
 */
@Entity
@Table(name = "tip_channel")
public class PartnerChannel extends PanacheEntityBase {

    /**
     * A channel's name, as migration V14 checks it: 1 to 40 lower-case letters, digits and hyphens,
     * starting with a letter or digit, and not the built-in {@code web} or {@code email}.
     */
    public static final String NAME = "(?!(web|email)$)[a-z0-9][a-z0-9-]{0,39}";
    public static final String NAME_MESSAGE = "must be 1 to 40 lower-case letters, digits and hyphens, starting with"
            + " a letter or digit, and neither web nor email";
    public static final int NAME_MAX = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Lower-case letters, digits and hyphens; never {@code web} or {@code email}. */
    public String name;

    /** {@code whsec_…}, as {@code WebhookSignature.newSecret()} makes it. */
    public String secret;

    public String replyUrl;

    public boolean active;

    public Instant createdAt;

    public String createdBy;

    public static Optional<PartnerChannel> named(String name) {
        return find("name", name).firstResultOptional();
    }
}
