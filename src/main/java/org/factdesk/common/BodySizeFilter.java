package org.factdesk.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses request bodies over the configured size with a 413 problem before reading them. */
public class BodySizeFilter {

    @ConfigProperty(name = "factdesk.max-body-bytes")
    long maxBodyBytes;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBodyBytes) {
            return HttpProblem.builder()
                    .withStatus(Status.REQUEST_ENTITY_TOO_LARGE)
                    .withTitle("Payload too large")
                    .withDetail("Request bodies are limited to " + maxBodyBytes + " bytes.")
                    .build().toResponse();
        }
        return null;
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
