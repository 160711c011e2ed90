package org.factdesk.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response.Status;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The net under request validation: a value the database refuses as a data exception (SQLSTATE
 * class 22) is the client's 400, found however deep the transaction wrapped it; other 500s stay.
 */
class DatabaseProblemsTest {

    final DatabaseProblems processor = new DatabaseProblems();
    final HttpProblem internal = HttpProblem.valueOf(Status.INTERNAL_SERVER_ERROR);

    @Test
    void aDataExceptionAtCommitIsABadRequest() {
        Exception atCommit = new RuntimeException("commit failed",
                new PersistenceException("could not execute statement",
                        new SQLException("ERROR: timestamp out of range: \"169108099-07-06 04:51:43+00\"", "22008")));
        HttpProblem problem = processor.apply(internal, ProblemContext.of(atCommit, "/api/claims"));
        assertEquals(400, problem.getStatusCode());
        assertTrue(problem.getDetail().contains("4713 BC"), problem.getDetail());
        assertTrue(!problem.getDetail().contains("169108099"), "no database message in the answer");
    }

    @Test
    void otherDatabaseFailuresStayServerErrors() {
        Exception lost = new PersistenceException(new SQLException("connection lost", "08006"));
        assertSame(internal, processor.apply(internal, ProblemContext.of(lost, "/api/claims")));
        HttpProblem notFound = HttpProblem.valueOf(Status.NOT_FOUND);
        assertSame(notFound, processor.apply(notFound, ProblemContext.of(new SQLException("x", "22008"), "/x")));
    }
}
