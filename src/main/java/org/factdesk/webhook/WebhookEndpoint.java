package org.factdesk.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

/** A partner system that wants to hear about publications, corrections and retractions. */
@Entity
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String url;

    /** Standard Webhooks secret, {@code whsec_<base64 key>}; shown once, when the endpoint is created. */
    public String secret;

    /** Event types: {@code fact-check.published}, {@code fact-check.corrected}, {@code fact-check.retracted}. */
    public String[] events;

    public boolean active;

    public Instant createdAt;

    public String createdBy;

    @Version
    public long version;
}
