package org.factdesk.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A partner system that wants to hear about publications, corrections and retractions. */
@Entity
@Table(name = "webhook_endpoint")
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

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public long version;
}
