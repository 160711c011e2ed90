package org.factdesk.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Where and when a claim appeared. One found while the claim's content was frozen (in review,
 * approved, published) is kept {@code foundLater}, outside the reviewed content, until the ticket
 * goes back to work.
 */
@Entity
@Table(name = "claim_appearance")
public class ClaimAppearance extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    public String url;

    @Column(name = "appeared_at")
    public Instant appearedAt;

    @Column(name = "found_later")
    public boolean foundLater;
}
