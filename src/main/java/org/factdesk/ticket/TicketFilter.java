package org.factdesk.ticket;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/** Query parameters shared by the ticket and claim lists. */
public class TicketFilter {

    /** One or more statuses, e.g. {@code ?status=OPEN&status=IN_PROGRESS}. */
    @QueryParam("status")
    public List<String> status;

    @QueryParam("topic")
    @Size(max = 60)
    public String topic;

    @QueryParam("language")
    @Size(max = 20)
    public String language;

    @QueryParam("assignee")
    @Size(max = 255)
    public String assignee;

    @QueryParam("overdue")
    public Boolean overdue;

    /** Words to look for in the claim text or claimant. */
    @QueryParam("q")
    @Size(max = 200)
    public String q;

    /**
     * {@code true}: only scheduled publications that failed {@value PublicationFailure#SHOWN_AFTER}
     * times or more (for editors to look at).
     */
    @QueryParam("publicationFailed")
    public Boolean publicationFailed;

    /** One of {@link TicketSearch#SORTS}; default {@code urgency}. */
    @QueryParam("sort")
    public String sort;
}
