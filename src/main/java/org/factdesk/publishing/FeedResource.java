package org.factdesk.publishing;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Public feeds of published verdicts: ClaimReview DataFeed, Atom 1.0, RSS 2.0 and JSON Feed 1.1,
 * one {@link FeedWriter} each. Newest change first, paginated with paging links, filterable;
 * corrections update their entry, retractions show as such. Conditional requests get 304.
 */
@Path("/feeds")
@PermitAll
public class FeedResource {

    @Inject
    FeedService feeds;

    @Inject
    FeedCache rendered;

    @Inject
    ClaimReviewFeed claimReviewFeed;

    @Inject
    JsonFeed jsonFeed;

    @Inject
    XmlFeed.Atom atomFeed;

    @Inject
    XmlFeed.Rss rssFeed;

    @GET
    @Path("claimreview.json")
    public Response claimReviewFeed(@Valid @BeanParam FeedQuery query, @Context Request request) {
        return serve(claimReviewFeed, query, request);
    }

    @GET
    @Path("feed.json")
    public Response jsonFeed(@Valid @BeanParam FeedQuery query, @Context Request request) {
        return serve(jsonFeed, query, request);
    }

    @GET
    @Path("atom.xml")
    public Response atom(@Valid @BeanParam FeedQuery query, @Context Request request) {
        return serve(atomFeed, query, request);
    }

    @GET
    @Path("rss.xml")
    public Response rss(@Valid @BeanParam FeedQuery query, @Context Request request) {
        return serve(rssFeed, query, request);
    }

    /** 304 when the client has this version; else the page, rendered once per version and cached. */
    private Response serve(FeedWriter writer, FeedQuery query, Request request) {
        FeedService.Version version = feeds.version(writer.format, query);
        EntityTag etag = new EntityTag(version.etag());
        Date lastModified = Date.from(version.lastModified().truncatedTo(ChronoUnit.SECONDS));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(etag).lastModified(lastModified).build();
        }
        String body = rendered.get(writer.format + " " + version.etag(), () -> writer.write(feeds.page(query), query));
        return Response.ok(body, writer.mediaType + "; charset=utf-8").tag(etag).lastModified(lastModified)
                .cacheControl(cache).build();
    }
}
