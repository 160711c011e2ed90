package org.factdesk.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an {@code Accept} header that is not a list of media types with a 400 problem before
 * the request is matched. Quarkus REST reads it only when it writes the answer: for a resource
 * method without {@code @Produces} that is after the method has run and its transaction committed,
 * so a malformed header turned a change that was made into a 500 (a comment stored, a 500 sent).
 */
public class AcceptHeaderFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseMalformedAccept(ContainerRequestContext request) {
        for (String accept : request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, java.util.List.of())) {
            for (String range : accept.split(",")) {
                if (range.isBlank()) {
                    continue;
                }
                try {
                    MediaType.valueOf(range.trim());
                } catch (IllegalArgumentException e) {
                    return HttpProblem.builder()
                            .withStatus(Status.BAD_REQUEST)
                            .withTitle("Bad request")
                            .withDetail("The Accept header is not a list of media types such as application/json.")
                            .build().toResponse();
                }
            }
        }
        return null;
    }
}
