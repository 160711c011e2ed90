package org.factdesk.common;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response.Status;
import org.hibernate.StaleStateException;

import java.sql.SQLException;

/**
 * Two requests that change the same thing at once: the loser's optimistic-lock failure (a row
 * changed since it was read) or unique violation (SQLSTATE 23505: the same thing created twice)
 * is a 409 problem, not a 500. Hooked in as a post-processor of the problem extension, so that it
 * also sees such failures when they surface at commit, wrapped in the transaction's exceptions;
 * it runs before the extension logs 5xx problems.
 */
@ApplicationScoped
public class ConflictProblems implements ProblemPostProcessor {

    static final String UNIQUE_VIOLATION = "23505";

    void register(@Observes StartupEvent event) {
        ExceptionMapperBase.postProcessorsRegistry.register(this);
    }

    @Override
    public int priority() {
        return 200; // before the extension's logger (101)
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() != Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
            return problem;
        }
        for (Throwable cause = context.cause; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Problems.conflict("Changed concurrently",
                        "Someone else changed this at the same moment. Reload and try again.");
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Problems.conflict("Already exists",
                        "Something with the same unique name or key was created at the same moment, or exists already."
                                + " Reload and try again.");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return problem;
    }
}
