package org.factdesk.publishing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The public page of a published fact-check, server-rendered and readable without JavaScript,
 * with one ClaimReview JSON-LD block. Drafts never show: only published versions do.
 */
@Path("/fact-checks")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class FactCheckPage {

    @Inject
    ClaimReviewJsonLd claimReview;

    @Inject
    PublicPages pages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance factCheck(View page);

        static native TemplateInstance notFound();
    }

    /** Everything the template shows, formatted in the desk's time zone; {@code claimantRemovedOn} once it was erased. */
    public record View(PublishedFactCheck fc, String url, String jsonLd, String published, String updated,
                       List<CorrectionView> corrections, String retractedAt, String claimantRemovedOn, String timeZone,
                       boolean preview, List<String> capturedOn) {
    }

    public record CorrectionView(int version, String publishedAt, String note, List<String> changes) {
    }

    /** The pages' stylesheet: a file rather than an inline style, so that the Content-Security-Policy allows no inline style. */
    private static final String STYLESHEET = resource("/publishing/fact-check-page.css");

    @GET
    @Path("page.css")
    @Produces("text/css")
    @Operation(hidden = true) // a static file of the pages, not part of the API
    public Response stylesheet() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(STYLESHEET).type("text/css; charset=utf-8").cacheControl(cache).build();
    }

    /**
     * A bigint id has at most 19 digits. The path parameters state their form without validation: anything
     * else is no page, and a public page answers it as one (an HTML 404, or the redirect to the right slug).
     */
    static final int ID_MAX_DIGITS = 19;

    @GET
    @Path("{id}")
    public Response withoutSlug(@PathParam("id") @Schema(maxLength = ID_MAX_DIGITS, pattern = "[0-9]+") String id) {
        return find(id).map(shown -> Response.status(Response.Status.MOVED_PERMANENTLY).location(location(shown.fc())).build())
                .orElseGet(FactCheckPage::notFound);
    }

    @GET
    @Path("{id}/{slug}")
    public Response page(@PathParam("id") @Schema(maxLength = ID_MAX_DIGITS, pattern = "[0-9]+") String id,
                         @PathParam("slug") @Schema(maxLength = Slugs.MAX_LENGTH, pattern = "[a-z0-9-]+") String slug) {
        Optional<PublicPages.Shown> found = find(id);
        if (found.isEmpty()) {
            return notFound();
        }
        PublishedFactCheck fc = found.get().fc();
        if (!Slugs.of(fc.headline()).equals(slug)) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(location(fc)).build();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(render(found.get(), false)).cacheControl(cache).build();
    }

    /**
     * The page's HTML. A preview (of what publishing would show, {@link PreviewResource}) is the same page
     * with a banner saying so and a robots "noindex"; everything else is rendered by this same code.
     */
    String render(PublicPages.Shown shown, boolean preview) {
        PublishedFactCheck fc = shown.fc();
        ZoneId zone = shown.zone();
        Instant claimantErased = shown.claimantErasedAt();
        View view = new View(fc, claimReview.pageUrl(fc), claimReview.forScript(claimReview.of(fc)),
                format(fc.firstPublished(), zone), fc.corrected() ? format(fc.lastPublished(), zone) : null,
                fc.corrections().stream().map(c -> new CorrectionView(c.version(), format(c.publishedAt(), zone),
                        c.note(), c.changes())).toList(),
                fc.retraction() == null ? null : format(fc.retraction().at(), zone),
                claimantErased == null ? null : date(claimantErased, zone), zone.getId(), preview,
                fc.sources().stream().map(s -> s.preserved() == null ? "" : format(s.preserved().capturedAt(), zone)).toList());
        return Templates.factCheck(view).render();
    }

    private static String resource(String name) {
        try (InputStream in = FactCheckPage.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<PublicPages.Shown> find(String id) {
        try {
            return pages.find(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The longest path {@link #path} makes: "/fact-checks/", a bigint id, "/" and a slug. */
    public static final int PATH_MAX = 13 + ID_MAX_DIGITS + 1 + Slugs.MAX_LENGTH;

    /** The path of a fact-check's public page; absolute links prefix the configured base URL. */
    public static String path(long id, String headline) {
        return "/fact-checks/" + id + "/" + Slugs.of(headline);
    }

    private static URI location(PublishedFactCheck fc) {
        return URI.create(path(fc.id(), fc.headline()));
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.notFound().render()).build();
    }

    private static String date(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(instant.atZone(zone));
    }

    private static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).format(instant.atZone(zone));
    }
}
