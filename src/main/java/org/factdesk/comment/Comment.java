package org.factdesk.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Discussion on a ticket between checker, reviewer and editor. Comments are not edited. */
@Entity
@Table(name = "comment")
public class Comment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id")
    public long ticketId;

    public String author;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;
}
