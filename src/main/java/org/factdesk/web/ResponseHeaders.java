package org.factdesk.web;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.factdesk.capture.CaptureView;
import org.factdesk.common.FactdeskConfig;

/**
 * The headers every answer of the public port carries — API, web app, public pages, feeds, errors
 * and 404s included — and how long browsers keep the web app's files.
 * <p>
 * A Vert.x filter that sets them when the headers are written, so that answers no JAX-RS filter
 * sees (static files, unknown paths, failures) get them too. The management port (health,
 * metrics, the OpenAPI document) is not for browsers and is not filtered.
 */
@ApplicationScoped
public class ResponseHeaders {

    /** Ahead of the framework's own routes (Quarkus' upload limit has order -2; a filter's order is minus its priority). */
    static final int PRIORITY = 100_000;

    /** Vite names the files under /assets/ by their content: a new build never changes a file under its name. */
    static final String HASHED_ASSETS = "/assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** index.html is revalidated on every load, so that a deploy reaches open browsers at once. */
    static final String REVALIDATE = "no-cache";
    /**
     * The page the web app's hidden silent sign-in iframe lands on (frontend/silent-renew.html): the only
     * answer the web app itself may frame; everything else refuses every frame.
     */
    static final String SILENT_SIGN_IN = "/silent-renew.html";

    @Inject
    SignInAuthority signIn;

    @Inject
    FactdeskConfig config;

    void register(@Observes Filters filters) {
        Map<String, String> headers = securityHeaders(signIn.url(), config.http().hstsMaxAge(), LaunchMode.current());
        Map<String, String> framedBySelf = framedBySameOrigin(headers);
        Map<String, String> preserved = preservedCopy(headers);
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> apply(context, headers, framedBySelf, preserved));
            context.next();
        }, PRIORITY);
    }

    private static void apply(RoutingContext context, Map<String, String> securityHeaders, Map<String, String> framedBySelf,
                              Map<String, String> preserved) {
        MultiMap headers = context.response().headers();
        String path = context.normalizedPath() == null ? "" : context.normalizedPath();
        (path.equals(SILENT_SIGN_IN) ? framedBySelf : path.startsWith(CaptureView.PRESERVED) ? preserved : securityHeaders)
                .forEach(headers::set);
        webAppCaching(path, context.response().getStatusCode())
                .ifPresent(cache -> headers.set(HttpHeaders.CACHE_CONTROL, cache));
    }

    /** The same headers, but the web app's own pages may frame the answer. */
    static Map<String, String> framedBySameOrigin(Map<String, String> securityHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(securityHeaders);
        headers.replaceAll((name, value) -> name.startsWith("Content-Security-Policy")
                ? value.replace("frame-ancestors 'none'", "frame-ancestors 'self'") : value);
        headers.put("X-Frame-Options", "SAMEORIGIN");
        return Map.copyOf(headers);
    }

    /**
     * A preserved copy of someone else's page: sandboxed (no script, no form, no popup, an opaque origin,
     * so never this app's), nothing loaded but its own recorded files and inline styles, and framed
     * only by the web app. This holds even in dev mode: a capture is untrusted content.
     */
    static Map<String, String> preservedCopy(Map<String, String> securityHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(securityHeaders);
        headers.remove("Content-Security-Policy-Report-Only");
        headers.put("Content-Security-Policy", String.join("; ",
                "sandbox",
                "default-src 'none'",
                "img-src 'self' data:",
                "style-src 'self' 'unsafe-inline'",
                "font-src 'self' data:",
                "media-src 'self'",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'self'"));
        headers.put("X-Frame-Options", "SAMEORIGIN");
        // The sandboxed view has an opaque origin, so its own images and stylesheets (r/N beside it) are
        // cross-origin requests to the browser: "same-origin" (or "same-site") would block every one of
        // them (Chromium: ERR_BLOCKED_BY_RESPONSE.NotSameOrigin). Whoever has the address may read them anyway.
        headers.put("Cross-Origin-Resource-Policy", "cross-origin");
        return Map.copyOf(headers);
    }

    static Map<String, String> securityHeaders(Optional<String> signInAuthority, Duration hstsMaxAge, LaunchMode mode) {
        Map<String, String> headers = new LinkedHashMap<>();
        // Dev mode only reports: Vite's dev server (proxied by Quinoa) and Quarkus' Dev UI inject inline scripts.
        headers.put(mode == LaunchMode.DEVELOPMENT ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy",
                contentSecurityPolicy(signInAuthority));
        headers.put("Strict-Transport-Security", "max-age=" + hstsMaxAge.toSeconds());
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        // Not even the origin: a fact-checker following a link to a source under scrutiny must not
        // tell that site that a desk is looking at it.
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Permissions-Policy", "camera=(), geolocation=(), microphone=(), payment=(), usb=()");
        return Map.copyOf(headers);
    }

    /**
     * Everything from this origin, no inline script or style anywhere (the web app is Vite's bundle,
     * the public pages link their stylesheet; their JSON-LD block is data, not script), and the
     * web app may call the identity provider it signs in with and frame it for the silent sign-in
     * (prompt=none; Keycloak sends the frame back to this origin's SILENT_SIGN_IN page).
     */
    static String contentSecurityPolicy(Optional<String> signInAuthority) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "connect-src 'self'" + signInAuthority.map(url -> " " + origin(url)).orElse(""),
                "frame-src 'self'" + signInAuthority.map(url -> " " + origin(url)).orElse(""),
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /** The scheme, host and port of an http(s) URL: a CSP source with a path would allow only that path. */
    static String origin(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The sign-in authority is not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("The sign-in authority is not an absolute http(s) URL: " + url);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /**
     * The web app's files only (the static handler itself adds no caching: quarkus.http.static-resources.caching-enabled
     * is off): hashed assets for a year — an answer for a missing one (a rolling deploy) is never kept — and
     * the pages revalidated (they name the hashed assets). The web app routes in the fragment (#/queue), so
     * it has no other entry paths.
     */
    static Optional<String> webAppCaching(String path, int status) {
        if (path.startsWith(HASHED_ASSETS) && (status == 200 || status == 304)) {
            return Optional.of(IMMUTABLE);
        }
        if (path.equals("/") || path.equals("/index.html") || path.equals(SILENT_SIGN_IN)) {
            return Optional.of(REVALIDATE);
        }
        return Optional.empty();
    }
}
