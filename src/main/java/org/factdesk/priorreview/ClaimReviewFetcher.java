package org.factdesk.priorreview;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.factdesk.common.Problems;
import org.factdesk.common.TargetGuard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches a page or feed of ClaimReviews for import, with the protections of webhooks: only
 * public http(s) addresses (checked again on every redirect), a time limit and a size limit.
 */
@ApplicationScoped
public class ClaimReviewFetcher {

    /** What the server fetched: the body and whether it is an HTML page. */
    public record Fetched(String url, String body, boolean html) {
    }

    private static final int MAX_REDIRECTS = 3;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @ConfigProperty(name = "factdesk.intake.import.timeout", defaultValue = "15s")
    Duration timeout;

    @ConfigProperty(name = "factdesk.intake.import.max-bytes", defaultValue = "5242880")
    int maxBytes;

    public Fetched fetch(String url, boolean allowPrivate) {
        String current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String target = current;
            TargetGuard.refusal(target, allowPrivate).ifPresent(reason -> {
                throw Problems.unprocessable("URL refused", "Cannot fetch " + target + ": " + reason + ".");
            });
            HttpResponse<InputStream> response = get(target);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                current = URI.create(target).resolve(response.headers().firstValue("Location").get()).toString();
                continue;
            }
            if (status != 200) {
                close(response);
                throw Problems.unprocessable("Fetch failed", target + " answered HTTP " + status + ".");
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase();
            return new Fetched(target, body(response, target, charset(contentType)), contentType.contains("html"));
        }
        throw Problems.unprocessable("Fetch failed", url + " redirects more than " + MAX_REDIRECTS + " times.");
    }

    private HttpResponse<InputStream> get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/ld+json, application/json, text/html;q=0.9")
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw Problems.unprocessable("Fetch failed", "Cannot fetch " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.unprocessable("Fetch failed", "Fetching " + url + " was interrupted.");
        }
    }

    /** Reads at most {@code maxBytes}; a larger body is refused rather than cut (a cut feed is not JSON). */
    private String body(HttpResponse<InputStream> response, String url, Charset charset) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw Problems.unprocessable("Too large", url + " is larger than " + maxBytes + " bytes.");
            }
            return new String(bytes, charset);
        } catch (IOException e) {
            throw Problems.unprocessable("Fetch failed", "Reading " + url + " failed: " + e.getMessage() + ".");
        }
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

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to release beyond the stream
        }
    }
}
