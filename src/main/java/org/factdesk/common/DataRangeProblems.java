package org.factdesk.common;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * A value that Java accepts but PostgreSQL cannot hold — a date before 4713 BC or after 294276 AD
 * (Java's dates reach year ±999,999,999), a number beyond a column's range — fails in the database
 * with a "data exception" (SQLSTATE class 22). It was the client's value, so the answer is a 400
 * problem, not a 500; the statement failed, so its transaction is rolled back and nothing is
 * written. Hooked in like {@link JsonProblemMappers}, as a post-processor of the problem extension,
 * so that it also sees the failure when it surfaces at commit, wrapped in the transaction's
 * exceptions; it runs before the extension logs 5xx problems.
 */
@ApplicationScoped
public class DataRangeProblems implements ProblemPostProcessor {

    private static final Logger LOG = Logger.getLogger(DataRangeProblems.class);

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
        for (Throwable cause = context.cause; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
                // Worth a look all the same: the request's validation let the value through.
                LOG.warnf("A request's value was refused by the database (SQLSTATE %s): %s", sql.getSQLState(),
                        sql.getMessage());
                return Problems.badRequest("A value in the request is outside what the desk can store: dates must lie"
                        + " between the years 4713 BC and 294276 AD, and numbers and texts within their fields' limits.");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return problem;
    }
}
