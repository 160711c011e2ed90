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
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Database failures that are the client's, not the server's, found however deep the transaction
 * wrapped them (they often surface only at commit):
 * <ul>
 * <li>two requests that change the same thing at once: the loser's optimistic-lock failure (a row
 * changed since it was read) or unique violation (SQLSTATE 23505: the same thing created twice) is
 * a 409 problem;</li>
 * <li>a value that Java accepts but PostgreSQL cannot hold — a date before 4713 BC or after
 * 294276 AD, a number beyond a column's range — fails as a "data exception" (SQLSTATE class 22):
 * a 400 problem. The statement failed, so its transaction is rolled back and nothing is written.</li>
 * </ul>
 * Hooked in as a post-processor of the problem extension (like {@link JsonProblemMappers}); it runs
 * before the extension logs 5xx problems. Other 500s stay 500s.
 */
@ApplicationScoped
public class DatabaseProblems implements ProblemPostProcessor {

    private static final Logger LOG = Logger.getLogger(DatabaseProblems.class);

    static final String UNIQUE_VIOLATION = "23505";

    /** SQLSTATE class 22: data exception (out of range, invalid value for the type, too long, ...). */
    static final String DATA_EXCEPTION_CLASS = "22";

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
        return of(context.cause).orElse(problem);
    }

    /**
     * The problem a database failure somewhere in {@code thrown}'s causes stands for, if it is one of those
     * above (for work that catches failures itself, such as one ticket of a bulk action).
     */
    public static Optional<HttpProblem> of(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Optional.of(Problems.conflict("Changed concurrently",
                        "Someone else changed this at the same moment. Reload and try again."));
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of(Problems.conflict("Already exists",
                        "Something with the same unique name or key was created at the same moment, or exists already."
                                + " Reload and try again."));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
                // Worth a look all the same: the request's validation let the value through.
                LOG.warnf("A request's value was refused by the database (SQLSTATE %s): %s", sql.getSQLState(),
                        sql.getMessage());
                return Optional.of(Problems.badRequest(
                        "A value in the request is outside what the desk can store: dates must lie"
                        + " between the years 4713 BC and 294276 AD, and numbers and texts within their fields' limits."));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}