package org.factdesk.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.common.Actor;
import org.factdesk.common.Page;
import org.factdesk.common.KeysetRequest;
import org.factdesk.people.DeskDirectory;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketFilter;
import org.factdesk.ticket.TicketSearch;

/**
 * What the claim endpoints answer: each call goes through {@link ClaimService} (or reads) and builds
 * its views in the same transaction, since a view reads the claim's lazy associations.
 */
@ApplicationScoped
@Transactional
public class ClaimEndpoints {

    @Inject
    ClaimService claims;

    @Inject
    TicketSearch search;

    @Inject
    DeskDirectory directory;

    public ClaimView create(Actor actor, ClaimRequest request) {
        return view(claims.create(actor, request));
    }

    public Page<ClaimView> list(TicketFilter filter, KeysetRequest page) {
        DeskDirectory.Names names = directory.names();
        return search.search(filter, page).map(ticket -> ClaimView.of(ticket.claim, ticket, names));
    }

    public ClaimView get(long id) {
        return view(claims.ticketOf(id));
    }

    public ClaimView update(long id, Actor actor, ClaimRequest request) {
        return view(claims.update(id, actor, request));
    }

    public ClaimView markDuplicate(long id, long originalId, Actor actor) {
        return view(claims.markDuplicate(id, originalId, actor));
    }

    private ClaimView view(Ticket ticket) {
        return ClaimView.of(ticket.claim, ticket, directory.names());
    }
}
