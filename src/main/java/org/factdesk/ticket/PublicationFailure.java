package org.factdesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The failed attempts at a ticket's scheduled publication, for the schedule they failed at. Written
 * by {@link ScheduledPublisher} only; it changes no status (the publication itself still goes through
 * the workflow's {@code TicketService}), so it is not audited.
 */
@Entity
@Table(name = "scheduled_publication_attempt")
public class PublicationFailure extends PanacheEntityBase {

    /** From this many failures on, editors see the publication as failed. */
    public static final int SHOWN_AFTER = 3;

    @Id
    public Long ticketId;

    /** The scheduled time these failures belong to. */
    public Instant publishAt;

    public int failures;

    public Instant nextAttemptAt;

    public String lastError;

    /** The longest error a ticket shows (cut by the publisher). */
    public static final int ERROR_MAX = 1000;

    public Instant lastFailedAt;

    /** Wait before the next attempt: 1 minute after the first failure, doubling, at most an hour. */
    public static Duration backoff(int failures) {
        Duration wait = Duration.ofMinutes(1L << Math.min(failures - 1, 6));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }

    /** Whether these failures are about the ticket's current schedule. */
    boolean appliesTo(Ticket ticket) {
        return ticket.status == TicketStatus.APPROVED && Objects.equals(publishAt, ticket.publishAt);
    }

    /** The current failures of those of these tickets that wait for a scheduled publication: one query. */
    public static Map<Long, PublicationFailure> of(Collection<Ticket> tickets) {
        Map<Long, Ticket> scheduled = tickets.stream()
                .filter(t -> t.status == TicketStatus.APPROVED && t.publishAt != null)
                .collect(Collectors.toMap(t -> t.id, Function.identity(), (a, b) -> a));
        if (scheduled.isEmpty()) {
            return Map.of();
        }
        List<PublicationFailure> failures = list("ticketId in ?1", scheduled.keySet());
        return failures.stream().filter(f -> f.appliesTo(scheduled.get(f.ticketId)))
                .collect(Collectors.toMap(f -> f.ticketId, Function.identity()));
    }
}
