package org.factdesk.priorreview;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;
import org.factdesk.ticket.TicketFilter;

/**
 * Fact-checks published by other organisations, imported from their ClaimReview markup so that the
 * desk sees prior verdicts before it checks a claim again.
 */
@Path("/api/prior-reviews")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class PriorReviewResource {

    @Inject
    PriorReviewService reviews;

    @Inject
    ClaimReviewFetcher fetcher;

    @Inject
    CurrentActor actor;

    @GET
    public Page<PriorReviewView> list(@QueryParam("q") @Size(max = TicketFilter.QUERY_MAX) String query,
                                      @Valid @BeanParam PageRequest page) {
        return reviews.list(query, page).map(PriorReviewView::of);
    }

    @GET
    @Path("{id}")
    public PriorReviewView get(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return PriorReviewView.of(reviews.get(id));
    }

    /**
     * Upload: a ClaimReview JSON-LD document or DataFeed, or an HTML page carrying JSON-LD, up to
     * the same size as import-url fetches ({@link ImportLimit}). {@code baseUrl} is where the
     * document was published: its relative URLs resolve against it (an HTML page without one
     * resolves against its canonical link); without any, relative optional URLs are left out with a
     * warning and an item whose own {@code url} is relative is refused.
     */
    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, "application/ld+json", MediaType.TEXT_HTML})
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public PriorReviewService.ImportReport importUpload(@NotBlank @Size(max = ImportLimit.MAX_BYTES) String content,
                                                       @HeaderParam("Content-Type") String contentType,
                                                       @QueryParam("baseUrl") @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String baseUrl) {
        return reviews.importContent(actor.get(), content, contentType != null && contentType.contains("html"), "upload",
                baseUrl);
    }

    /** The server fetches the page or feed, with the same address and size protections as webhooks. */
    @POST
    @Path("import-url")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public PriorReviewService.ImportReport importUrl(@Valid @NotNull ImportUrlRequest request) {
        ClaimReviewFetcher.Fetched fetched = fetcher.fetch(request.url());
        return reviews.importContent(actor.get(), fetched.body(), fetched.html(), fetched.url(), fetched.url());
    }
}
