package org.factdesk.erasure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** The record that a personal value (and its salt) was erased: what, when, by whom and why. */
@Entity
public class Erasure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@link ErasureKind#wire}. */
    public String kind;

    /** The claim, comment or article. */
    public long targetId;

    public String reason;

    public Instant erasedAt;

    /** The token subject of the admin. */
    public String erasedBy;
}
