package org.factdesk.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/**
 * Where and when a claim appeared. One found while the claim's content was frozen (in review,
 * approved, published) is kept {@code foundLater}, outside the reviewed content, until the ticket
 * goes back to work.
 */
@Entity
public class ClaimAppearance extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    public Claim claim;

    public String url;

    public Instant appearedAt;

    public boolean foundLater;
}
