package org.factdesk.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;
import org.factdesk.ticket.TicketFilter;

/**
 * Search across the desk's claims, tickets, articles and prior reviews. Everyone who may list each
 * of those (every desk role) may search them.
 */
@Path("/api/search")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class SearchResource {

    /** Longer than any kind's name. */
    static final int KIND_MAX = 20;

    @Inject
    SearchService search;

    /** {@code q}: {@value SearchService#QUERY_MIN} characters or more, or a ticket number; {@code kind}: one kind only. */
    @GET
    public Page<SearchHitView> search(@QueryParam("q") @Size(max = TicketFilter.QUERY_MAX) String q,
                                      @QueryParam("kind") @Size(max = KIND_MAX) String kind,
                                      @Valid @BeanParam PageRequest page) {
        return search.search(q, kind, page);
    }
}
