package org.factdesk.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.factdesk.audit.Commitments;
import org.hibernate.annotations.Formula;

import java.time.Instant;

/** Discussion on a ticket between checker, reviewer and editor. Comments are not edited. */
@Entity
public class Comment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long ticketId;

    public String author;

    /** Null once erased. */
    public String body;

    /** Salt of the body's commitment in audit events, made with the comment; deleted with the body by erasure. */
    public byte[] bodySalt = Commitments.newSalt();

    /** When the body was erased; null if never. */
    @Formula("last_erasure('comment', id)")
    public Instant bodyErasedAt;

    public Instant createdAt;
}
