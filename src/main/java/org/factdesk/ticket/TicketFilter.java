package org.factdesk.ticket;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.common.Limits;

import java.util.List;

/** Query parameters shared by the ticket and claim lists. */
public class TicketFilter {

    /** Words looked for in claims (and in prior reviews' texts and publishers). */
    public static final int QUERY_MAX = 200;

    /** As many {@code status} values as there are statuses (seven). */
    static final int STATUS_VALUES_MAX = 7;

    /** One {@code status} value may name several, comma-separated: all seven with commas and spaces fit. */
    static final int STATUS_MAX = 100;

    /** Longer than any priority's name. */
    static final int PRIORITY_MAX = 20;

    /** Longer than any of {@link TicketSearch#SORTS}. */
    static final int SORT_MAX = 20;

    /** One or more statuses, e.g. {@code ?status=OPEN&status=IN_PROGRESS} or {@code ?status=OPEN,IN_PROGRESS}. */
    @QueryParam("status")
    @Size(max = STATUS_VALUES_MAX)
    public List<@Size(max = STATUS_MAX) String> status;

    @QueryParam("topic")
    @Size(max = ClaimRequest.TOPIC_MAX)
    public String topic;

    @QueryParam("language")
    @Size(max = Limits.LANGUAGE_TAG_MAX)
    public String language;

    @QueryParam("assignee")
    @Size(max = Limits.SUBJECT_MAX)
    public String assignee;

    @QueryParam("overdue")
    public Boolean overdue;

    /** One of URGENT, HIGH, NORMAL, LOW (the claim's priority, as triage set it). */
    @QueryParam("priority")
    @Size(max = PRIORITY_MAX)
    public String priority;

    /** {@code true}: only work a reviewer sent back that is not submitted again; {@code false}: the rest. */
    @QueryParam("changesRequested")
    public Boolean changesRequested;

    /** Words to look for in the claim text or claimant. */
    @QueryParam("q")
    @Size(max = QUERY_MAX)
    public String q;

    /**
     * {@code true}: only scheduled publications that failed {@value PublicationFailure#SHOWN_AFTER}
     * times or more (for editors to look at).
     */
    @QueryParam("publicationFailed")
    public Boolean publicationFailed;

    /** One of {@link TicketSearch#SORTS}; default {@code urgency}. */
    @QueryParam("sort")
    @Size(max = SORT_MAX)
    public String sort;
}
