package org.factdesk.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Refuses request bodies over {@link Limits#MAX_BODY_BYTES} (the size the OpenAPI document states) with a 413
 * problem: by Content-Length before reading them, and while reading a body sent without one (chunked). A path
 * may declare its own limit with a {@link BodyLimit} bean.
 */
public class BodySizeFilter {

    @Inject
    Instance<BodyLimit> declared;

    private volatile Map<String, Long> limits;

    /** The declared limits whose paths have a {@code *} segment, as patterns. */
    private volatile Map<Pattern, Long> templated;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        long max = limitFor(request.getUriInfo().getPath());
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return parse(length) > max ? tooLarge(max).toResponse() : null;
        }
        if (request.getHeaderString("Transfer-Encoding") != null) {
            request.setEntityStream(new Limited(request.getEntityStream(), max));
        }
        return null;
    }

    private long limitFor(String path) {
        Map<String, Long> byPath = limits;
        if (byPath == null) {
            byPath = new HashMap<>();
            Map<Pattern, Long> patterns = new HashMap<>();
            for (BodyLimit limit : declared) {
                if (limit.path().contains("*")) {
                    patterns.put(Pattern.compile(Arrays.stream(limit.path().split("\\*", -1)).map(Pattern::quote)
                            .collect(Collectors.joining("[^/]+"))), limit.maxBytes());
                } else {
                    byPath.put(limit.path(), limit.maxBytes());
                }
            }
            templated = patterns;
            limits = byPath;
        }
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Long exact = byPath.get(normalised);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<Pattern, Long> pattern : templated.entrySet()) {
            if (pattern.getKey().matcher(normalised).matches()) {
                return pattern.getValue();
            }
        }
        return Limits.MAX_BODY_BYTES;
    }

    private static HttpProblem tooLarge(long max) {
        return HttpProblem.builder()
                .withStatus(Status.REQUEST_ENTITY_TOO_LARGE)
                .withTitle("Payload too large")
                .withDetail("Request bodies are limited to " + max + " bytes.")
                .build();
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Past the limit while reading: an IOException, which body readers (Jackson's included) pass on
     * unwrapped, so that it reaches {@link #tooLarge(TooLarge)} and not their 400 for bad input.
     */
    static final class TooLarge extends IOException {
        final long max;

        TooLarge(long max) {
            super("request body larger than " + max + " bytes");
            this.max = max;
        }
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e) {
        return tooLarge(e.max).toResponse();
    }

    /** Counts what is read and stops past the limit. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }
}
