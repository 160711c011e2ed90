package org.factdesk.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.factdesk.audit.TicketAudited;

/**
 * Announces every ticket change to all server replicas with PostgreSQL's NOTIFY, in the change's
 * own transaction: delivered when it commits, never when it rolls back.
 */
@ApplicationScoped
public class ChangeNotifier {

    static final String CHANNEL = "factdesk_tickets";

    @Inject
    ObjectMapper json;

    void onTicketAudited(@Observes TicketAudited audited) {
        TicketChange change = new TicketChange(audited.event().ticketId, audited.event().action, audited.status(),
                audited.event().actor, audited.event().occurredAt);
        try {
            Panache.getEntityManager().createNativeQuery("SELECT pg_notify('" + CHANNEL + "', :payload)")
                    .setParameter("payload", json.writeValueAsString(change)).getSingleResult();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A ticket change could not be written as JSON", e);
        }
    }
}
