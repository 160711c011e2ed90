package org.factdesk.priorreview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.Problems;
import org.factdesk.desk.DeskSettings;
import org.factdesk.outbound.OutboundClient;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches a page or feed of ClaimReviews for import through the guarded {@link OutboundClient}:
 * only public http(s) addresses, each redirect checked and pinned again as a new call, one time
 * limit for the whole fetch (redirects, headers and body) and a size limit.
 */
@ApplicationScoped
public class ClaimReviewFetcher {

    /** What the server fetched: the body and whether it is an HTML page. */
    public record Fetched(String url, String body, boolean html) {
    }

    private static final int MAX_REDIRECTS = 3;
    private static final Map<String, String> ACCEPT =
            Map.of("Accept", "application/ld+json, application/json, text/html;q=0.9");

    @Inject
    OutboundClient outbound;

    @Inject
    FactdeskConfig config;

    int maxBytes = ImportLimit.MAX_BYTES;

    /** Fetches with the desk's setting for private addresses (the one webhooks obey). */
    public Fetched fetch(String url) {
        return fetch(url, DeskSettings.get().allowPrivateWebhookTargets);
    }

    public Fetched fetch(String url, boolean allowPrivate) {
        Instant deadline = Instant.now().plus(config.intake().importing().timeout());
        String current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String target = current;
            OutboundClient.Response response;
            try {
                response = outbound.send(OutboundClient.Request.get(target, ACCEPT), allowPrivate, deadline, maxBytes);
            } catch (OutboundClient.Failure e) {
                throw Problems.unprocessable(e.kind() == OutboundClient.Failure.Kind.REFUSED ? "URL refused" : "Fetch failed",
                        "Cannot fetch " + target + ": " + e.getMessage() + ".");
            }
            int status = response.status();
            if (status >= 300 && status < 400 && response.header("Location").isPresent()) {
                current = URI.create(target).resolve(response.header("Location").get()).toString();
                continue;
            }
            if (status != 200) {
                throw Problems.unprocessable("Fetch failed", target + " answered HTTP " + status + ".");
            }
            if (response.truncated()) {
                // refused rather than cut: a cut feed is not JSON
                throw Problems.unprocessable("Too large", target + " is larger than " + maxBytes + " bytes.");
            }
            String contentType = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            return new Fetched(target, new String(response.body(), charset(contentType)), contentType.contains("html"));
        }
        throw Problems.unprocessable("Fetch failed", url + " redirects more than " + MAX_REDIRECTS + " times.");
    }

    private static Charset charset(String contentType) {
        int at = contentType.indexOf("charset=");
        if (at >= 0) {
            try {
                return Charset.forName(contentType.substring(at + 8).split(";")[0].strip().replace("\"", ""));
            } catch (IllegalArgumentException e) {
                // unknown charset: fall back to UTF-8
            }
        }
        return StandardCharsets.UTF_8;
    }
}
