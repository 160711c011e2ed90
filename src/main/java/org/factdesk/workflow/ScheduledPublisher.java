package org.factdesk.workflow;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.factdesk.common.Actor;
import org.jboss.logging.Logger;
import org.factdesk.ticket.PublicationFailure;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TransitionRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Publishes scheduled tickets when their time comes, as the actor {@code system}. Each ticket is
 * one transaction; SKIP LOCKED lets several replicas poll without publishing anything twice.
 * A publication that fails is recorded ({@link PublicationFailure}) and skipped until its next
 * attempt, with backoff, so that it never holds up the ones due after it.
 */
@ApplicationScoped
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);

    @Inject
    TicketService tickets;

    /** A due ticket, with the schedule it is due at. */
    private record Due(long ticketId, Instant publishAt) {
    }

    @Scheduled(every = "${factdesk.publishing.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (publishNextDue()) {
            // one ticket per transaction until none is due
        }
    }

    /** Publishes (or fails to publish) one due ticket; false when none is due. */
    public boolean publishNextDue() {
        Due[] attempted = new Due[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> due = Panache.getEntityManager().createNativeQuery("""
                        SELECT t.id, t.publish_at FROM ticket t
                        LEFT JOIN scheduled_publication_attempt a ON a.ticket_id = t.id AND a.publish_at = t.publish_at
                        WHERE t.status = 'APPROVED' AND t.publish_at IS NOT NULL AND t.publish_at <= now()
                          AND (a.next_attempt_at IS NULL OR a.next_attempt_at <= now())
                        ORDER BY t.publish_at, t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED""").getResultList();
                if (due.isEmpty()) {
                    return false;
                }
                attempted[0] = new Due(((Number) due.get(0)[0]).longValue(), instant(due.get(0)[1]));
                Ticket ticket = tickets.transition(attempted[0].ticketId(), TicketAction.PUBLISH, Actor.SYSTEM,
                        TransitionRequest.NONE);
                PublicationFailure.deleteById(ticket.id);
                LOG.infof("Published scheduled ticket %d", ticket.id);
                return true;
            });
        } catch (RuntimeException e) {
            if (attempted[0] == null) {
                throw e; // not a publication that failed: the search itself (e.g. the database is down)
            }
            recordFailure(attempted[0], e);
            return true;
        }
    }

    private void recordFailure(Due due, RuntimeException error) {
        String message = message(error);
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            PublicationFailure failure = PublicationFailure.findById(due.ticketId());
            if (failure == null) {
                failure = new PublicationFailure();
                failure.ticketId = due.ticketId();
            }
            if (!due.publishAt().equals(failure.publishAt)) {
                failure.publishAt = due.publishAt(); // failures of an earlier schedule no longer count
                failure.failures = 0;
            }
            failure.failures++;
            failure.nextAttemptAt = now.plus(PublicationFailure.backoff(failure.failures));
            failure.lastError = message;
            failure.lastFailedAt = now;
            failure.persist();
            LOG.warnf(error, "Scheduled publication of ticket %d failed (%d times); next attempt at %s",
                    due.ticketId(), failure.failures, failure.nextAttemptAt);
        });
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    /** What editors read: the problem's detail, or the deepest cause's message. */
    /** What the ticket shows of a failure, at most {@link PublicationFailure#ERROR_MAX} characters. */
    private static String message(Throwable error) {
        String text = null;
        for (Throwable cause = error; cause != null && text == null; cause = cause.getCause()) {
            if (cause instanceof HttpProblem problem) {
                text = problem.getTitle() + ": " + problem.getDetail();
            }
        }
        if (text == null) {
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            text = root.getMessage() == null ? "unknown error" : root.getMessage().strip();
        }
        return text.length() > PublicationFailure.ERROR_MAX ? text.substring(0, PublicationFailure.ERROR_MAX - 1) + "…" : text;
    }
}
