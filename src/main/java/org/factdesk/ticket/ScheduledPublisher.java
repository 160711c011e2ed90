package org.factdesk.ticket;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.factdesk.common.Actor;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Publishes scheduled tickets when their time comes, as the actor {@code system}. Each ticket is
 * one transaction; SKIP LOCKED lets several replicas poll without publishing anything twice.
 */
@ApplicationScoped
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);

    @Inject
    TicketService tickets;

    @Scheduled(every = "${factdesk.publishing.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (publishNextDue()) {
            // one ticket per transaction until none is due
        }
    }

    /** Publishes one due ticket; false when none is due. */
    public boolean publishNextDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> due = Panache.getEntityManager().createNativeQuery("""
                    SELECT id FROM ticket
                    WHERE status = 'APPROVED' AND publish_at IS NOT NULL AND publish_at <= now()
                    ORDER BY publish_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
            if (due.isEmpty()) {
                return false;
            }
            Ticket ticket = tickets.transition(due.get(0).longValue(), TicketAction.PUBLISH, Actor.SYSTEM, TransitionRequest.NONE);
            LOG.infof("Published scheduled ticket %d", ticket.id);
            return true;
        });
    }
}
