package org.factdesk.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.Size;
import org.factdesk.ticket.TicketFilter;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;
import org.factdesk.people.DeskDirectory;
import org.factdesk.article.ArticleRequest;
import org.factdesk.article.ArticleSummary;
import org.factdesk.article.ArticleView;

@Path("/api/articles")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class ArticleResource {

    @Inject
    ArticleService articles;

    @Inject
    CurrentActor actor;

    @Inject
    DeskDirectory directory;

    @POST
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    @APIResponse(responseCode = "201", description = "The article, analysed",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = ArticleView.class)))
    @AnalysisLimited
    public Response create(@Valid @NotNull ArticleRequest request) {
        return Response.status(Response.Status.CREATED).entity(ArticleView.of(articles.create(actor.get(), request), directory.names())).build();
    }

    @GET
    public Page<ArticleSummary> list(@QueryParam("q") @Size(max = TicketFilter.QUERY_MAX) String q,
                                     @QueryParam("language") @Size(max = Limits.LANGUAGE_TAG_MAX) String language,
                                     @Valid @BeanParam PageRequest page) {
        return articles.list(q, language, page);
    }

    @GET
    @Path("{id}")
    public ArticleView get(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return ArticleView.of(articles.get(id), directory.names());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "The article, analysed again if its text changed",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = ArticleView.class)))
    @AnalysisLimited
    public ArticleView update(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @Valid @NotNull ArticleRequest request) {
        return ArticleView.of(articles.update(id, actor.get(), request), directory.names());
    }
}
