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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;
import org.factdesk.article.ArticleRequest;
import org.factdesk.article.ArticleSummary;
import org.factdesk.article.ArticleView;

@Path("/api/articles")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class ArticleResource {

    /** Creating or changing an article's text analyses it; a replica runs a limited number of analyses at once. */
    static final String INTAKE_BUSY = "Every analysis slot of this server is taken (factdesk.intake.max-concurrent-analyses):"
            + " nothing was stored; send the request again after Retry-After seconds.";
    static final String RETRY_AFTER = "Seconds to wait before sending the request again.";

    @Inject
    ArticleService articles;

    @Inject
    CurrentActor actor;

    @POST
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    @APIResponse(responseCode = "201", description = "The article, analysed",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "503", description = INTAKE_BUSY, headers = @Header(name = "Retry-After",
            description = RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = ArticleIntake.RETRY_AFTER_SECONDS_TEXT, maximum = ArticleIntake.RETRY_AFTER_SECONDS_TEXT)))
    public Response create(@Valid @NotNull ArticleRequest request) {
        return Response.status(Response.Status.CREATED).entity(ArticleView.of(articles.create(actor.get(), request))).build();
    }

    @GET
    public Page<ArticleSummary> list(@Valid @BeanParam PageRequest page) {
        return articles.list(page);
    }

    @GET
    @Path("{id}")
    public ArticleView get(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return ArticleView.of(articles.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "The article, analysed again if its text changed",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "503", description = INTAKE_BUSY, headers = @Header(name = "Retry-After",
            description = RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = ArticleIntake.RETRY_AFTER_SECONDS_TEXT, maximum = ArticleIntake.RETRY_AFTER_SECONDS_TEXT)))
    public ArticleView update(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @Valid @NotNull ArticleRequest request) {
        return ArticleView.of(articles.update(id, actor.get(), request));
    }
}
