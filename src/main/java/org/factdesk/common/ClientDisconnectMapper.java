package org.factdesk.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;

/**
 * A client that hangs up while its request body is still being read is not a server error:
 * it is logged quietly instead of as a 500 with a stack trace. Other I/O failures stay 500s.
 */
public class ClientDisconnectMapper {

    private static final Logger LOG = Logger.getLogger(ClientDisconnectMapper.class);

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response ioFailure(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                LOG.debugf("Client closed the connection before its request was read: %s", e.getMessage());
                return Response.status(Response.Status.BAD_REQUEST).build(); // nobody is listening any more
            }
        }
        LOG.error("I/O failure while handling a request", e);
        return HttpProblem.builder().withStatus(Response.Status.INTERNAL_SERVER_ERROR)
                .withTitle("Internal Server Error").build().toResponse();
    }
}
