package org.factdesk.tip;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.factdesk.common.FactdeskConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The public's way in without JavaScript: the tip form at /tips/new, its receipt, and each tip's status
 * page at /tips/{token}, server-rendered in the desk's languages ({@link TipLanguages}). The form takes a
 * tip by the same rules as the JSON endpoint ({@link TipSubmissions}) and shows a refusal next to the
 * field it concerns. Nothing here is cached by anyone: the answers carry tokens, and the form's language
 * follows each browser. The token in the status URL leaks to no other site: every page is served with
 * {@code Referrer-Policy: no-referrer} (web/ResponseHeaders).
 */
@Path("/tips")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class TipPages {

    @Inject
    TipSubmissions submissions;

    @Inject
    TipStatusService statuses;

    @Inject
    Validator validator;

    @Inject
    FactdeskConfig config;


    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormView view);

        static native TemplateInstance receipt(ReceiptView view);

        static native TemplateInstance status(StatusView view);

        static native TemplateInstance notFound(String lang);
    }

    public record Option(String tag, String name, boolean selected) {
    }

    /** What was typed, shown again with the errors (escaped by the template like everything else). */
    public record Values(String text, String links, String language, String contact, boolean consent) {
        static final Values EMPTY = new Values("", "", "", "", false);
    }

    public record FieldError(String field, String message) {
    }

    /** Each field's error (or null), and all of them in the form's order for the summary at its top. */
    public record Errors(String text, String links, String language, String contact, String consent, String website,
                         List<FieldError> list) {
        static final Errors NONE = new Errors(null, null, null, null, null, null, List.of());

        public boolean any() {
            return !list.isEmpty();
        }
    }

    public record FormView(String lang, List<Option> pageLanguages, List<Option> tipLanguages, Values values,
                           Errors errors, int textMax, int linksMax, int contactMax) {
    }

    public record ReceiptView(String lang, String statusPath, String statusUrl) {
    }

    public record StatusView(String lang, String stage, String since, String link) {
    }

    private static final String STYLESHEET = resource("/tip/tip-pages.css");

    @GET
    @Path("page.css")
    @Produces("text/css")
    @Operation(hidden = true) // a static file of the pages
    public Response stylesheet() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(STYLESHEET).type("text/css; charset=utf-8").cacheControl(cache).build();
    }

    @GET
    @Path("new")
    @Operation(hidden = true) // a page for people; programs use POST /public/tips
    public Response form(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = language(lang, acceptLanguage);
        return page(200, Templates.form(formView(language, Values.EMPTY, Errors.NONE)), language).build();
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response send(@FormParam("lang") String lang, @FormParam("text") String text, @FormParam("links") String links,
                         @FormParam("language") String tipLanguage, @FormParam("contact") String contact,
                         @FormParam("consent") String consent, @FormParam("website") String website,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                         @Context HttpServerRequest request) {
        String language = language(lang, acceptLanguage);
        Values values = new Values(orEmpty(text), orEmpty(links), orEmpty(tipLanguage), orEmpty(contact), "true".equals(consent));
        TipSubmission tip = new TipSubmission(blankToNull(text), lines(links), blankToNull(tipLanguage),
                blankToNull(contact), values.consent(), website);
        TipMessages msg = messages(language);
        Map<String, String> byField = new LinkedHashMap<>();
        for (ConstraintViolation<TipSubmission> violation : validator.validate(tip)) {
            String field = violation.getPropertyPath().iterator().next().getName();
            byField.putIfAbsent(field, message(msg, field));
        }
        if (!byField.isEmpty()) {
            return refused(400, language, values, byField, null);
        }
        try {
            TipIntake.Receipt receipt = submissions.submit(tip, request.remoteAddress().hostAddress());
            String path = statusPath(receipt.token());
            return page(201, Templates.receipt(new ReceiptView(language, path, config.publisher().baseUrl() + path)), language)
                    .location(URI.create(config.publisher().baseUrl() + path)).build();
        } catch (TipSubmissions.Refused refused) {
            if (refused.tooMany() != null) {
                long seconds = refused.tooMany().retryAfterSeconds();
                long minutes = Math.max(1, (seconds + 59) / 60);
                String message = refused.tooMany().global() ? msg.errorTooManyEveryone(minutes) : msg.errorTooMany(minutes);
                return refused(429, language, values, Map.of("text", message), seconds);
            }
            return refused(400, language, values, Map.of(refused.field(), message(msg, refused.field())), null);
        }
    }

    @GET
    @Path("{token}")
    @Operation(hidden = true) // programs read GET /public/tips/{token}
    public Response status(@PathParam("token") String token, @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = language(lang, acceptLanguage);
        return statuses.of(token)
                .map(status -> page(200, Templates.status(new StatusView(language, status.stage().code,
                        date(status.since(), language), status.link())), language).build())
                // the same page for a malformed and for an unknown token
                .orElseGet(() -> page(404, Templates.notFound(language), language).build());
    }

    /** The path of a tip's status page: what its requester keeps. */
    static String statusPath(String token) {
        return "/tips/" + token;
    }

    private Response refused(int status, String language, Values values, Map<String, String> byField, Long retryAfter) {
        List<FieldError> list = new ArrayList<>();
        for (String field : List.of("text", "links", "language", "contact", "consent", "website")) {
            if (byField.containsKey(field)) {
                list.add(new FieldError(field, byField.get(field)));
            }
        }
        Errors errors = new Errors(byField.get("text"), byField.get("links"), byField.get("language"),
                byField.get("contact"), byField.get("consent"), byField.get("website"), list);
        Response.ResponseBuilder answer = page(status, Templates.form(formView(language, values, errors)), language);
        if (retryAfter != null) {
            answer.header("Retry-After", retryAfter);
        }
        return answer.build();
    }

    private static String message(TipMessages msg, String field) {
        return switch (field) {
            case "links" -> msg.errorLinks(TipInput.LINKS_MAX);
            case "language" -> msg.errorLanguage();
            case "contact" -> msg.errorContact();
            case "consent" -> msg.errorConsent();
            case "website" -> msg.errorHoneypot();
            default -> msg.errorText(TipInput.TEXT_MAX);
        };
    }

    private FormView formView(String language, Values values, Errors errors) {
        List<Option> pages = TipLanguages.OFFERED.stream()
                .map(tag -> new Option(tag, TipLanguages.autonym(tag), tag.equals(language))).toList();
        List<Option> tips = TipLanguages.OFFERED.stream()
                .map(tag -> new Option(tag, TipLanguages.autonym(tag), tag.equals(values.language()))).toList();
        return new FormView(language, pages, tips, values, errors, TipInput.TEXT_MAX, TipInput.LINKS_MAX, TipInput.CONTACT_MAX);
    }

    private static Response.ResponseBuilder page(int status, TemplateInstance template, String language) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(template.setLocale(Locale.forLanguageTag(language)).render())
                .header(HttpHeaders.CONTENT_LANGUAGE, language).cacheControl(noStore);
    }

    private String language(String asked, String acceptLanguage) {
        return TipLanguages.choose(asked, acceptLanguage, config.publisher().language());
    }

    private static TipMessages messages(String language) {
        return MessageBundles.get(TipMessages.class, Localized.Literal.of(language));
    }

    private String date(Instant instant, String language) {
        ZoneId desk = statuses.deskZone();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
                .format(instant.atZone(desk));
    }

    /** The links field: one per line, blank lines ignored. Too many for a tip still fail its validation. */
    private static List<String> lines(String links) {
        if (links == null) {
            return List.of();
        }
        return Arrays.stream(links.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                .limit(TipInput.LINKS_MAX + 1L).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String resource(String name) {
        try (InputStream in = TipPages.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
