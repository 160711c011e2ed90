package org.factdesk.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Refuses a {@code Content-Type} that is not a media type, or an {@code Accept} that is not a list
 * of them, with a 400 problem before the request is matched. Quarkus REST parses them lazily and
 * fails with an IllegalArgumentException, a 500: Content-Type when it picks between methods that
 * consume different types (the ticket transitions), Accept only when it writes the answer — for a
 * method without {@code @Produces} that is after the method ran and its transaction committed (a
 * comment was stored and the client told 500).
 */
public class MediaTypeHeaderFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseMalformedMediaTypes(ContainerRequestContext request) {
        for (String type : request.getHeaders().getOrDefault(HttpHeaders.CONTENT_TYPE, List.of())) {
            if (!isMediaType(type)) {
                return refusal("The Content-Type header is not a media type such as application/json.");
            }
        }
        for (String accept : request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of())) {
            for (String range : accept.split(",")) {
                if (!range.isBlank() && !isMediaType(range)) {
                    return refusal("The Accept header is not a list of media types such as application/json.");
                }
            }
        }
        return null;
    }

    private static boolean isMediaType(String text) {
        try {
            MediaType.valueOf(text.trim());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response refusal(String detail) {
        return HttpProblem.builder().withStatus(Status.BAD_REQUEST).withTitle("Bad request").withDetail(detail)
                .build().toResponse();
    }
}
