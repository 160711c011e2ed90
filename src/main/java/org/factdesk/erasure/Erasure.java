package org.factdesk.erasure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The record that a personal value (and its salt) was erased: what, when, by whom and why. */
@Entity
@Table(name = "erasure")
public class Erasure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@link ErasureKind#wire}. */
    public String kind;

    /** The claim, comment or article. */
    @Column(name = "target_id")
    public long targetId;

    public String reason;

    @Column(name = "erased_at")
    public Instant erasedAt;

    /** The token subject of the admin. */
    @Column(name = "erased_by")
    public String erasedBy;
}
