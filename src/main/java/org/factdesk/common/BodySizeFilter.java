package org.factdesk.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies over {@link Limits#MAX_BODY_BYTES} with a 413 problem before reading them (the
 * constant the OpenAPI document states for bodies sent as one string).
 */
public class BodySizeFilter {

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > Limits.MAX_BODY_BYTES) {
            return HttpProblem.builder()
                    .withStatus(Status.REQUEST_ENTITY_TOO_LARGE)
                    .withTitle("Payload too large")
                    .withDetail("Request bodies are limited to " + Limits.MAX_BODY_BYTES + " bytes.")
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
