package org.factdesk.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 problems with a {@code WWW-Authenticate: Bearer} challenge. They take precedence over the
 * problem extension's own security mappers, which fail on this Quarkus version (500 instead of 401).
 */
public class AuthProblemMappers {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge();
    }

    private static Response challenge() {
        return HttpProblem.builder()
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail("A valid bearer token is required.")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build().toResponse();
    }
}
