package org.factdesk.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import java.util.stream.Collectors;

/**
 * Rewrites the problems for JSON that does not fit a request so that they name the field and
 * leak no Java type names. Unknown fields include the read-only ones (id, status, assignee,
 * audit fields) that a client must not set. Hooked in as a post-processor of the problem
 * extension, whose own Jackson mappers take precedence over application mappers.
 */
@ApplicationScoped
public class JsonProblemMappers implements ProblemPostProcessor {

    void register(@Observes StartupEvent event) {
        ExceptionMapperBase.postProcessorsRegistry.register(this);
    }

    @Override
    public int priority() {
        return 300; // before BoundedProblems (98), which cuts the field names these quote
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (context.cause instanceof UnrecognizedPropertyException e) {
            String field = path(e);
            return problem(field, "Field '" + field + "' is unknown or read-only and cannot be set.");
        }
        if (context.cause instanceof MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                return problem(null, "The request body does not have the expected shape.");
            }
            boolean nul = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(TextSanitizingModule.NUL_MESSAGE);
            return problem(field, "Field '" + field + "'" + (nul
                    ? " contains NUL characters, which are not allowed."
                    : " has the wrong type or format."));
        }
        return problem;
    }

    private static HttpProblem problem(String field, String detail) {
        var problem = HttpProblem.builder().withStatus(Status.BAD_REQUEST).withTitle("Bad request").withDetail(detail);
        if (field != null) {
            problem.with("field", field);
        }
        return problem.build();
    }

    /**
     * Quarkus' own mapper answers a wrong JSON type with plain JSON; this one makes it a problem
     * (which {@link #apply} then words).
     */
    @Provider
    public static class MismatchedInput extends ExceptionMapperBase<MismatchedInputException> {
        @Override
        protected HttpProblem toProblem(MismatchedInputException e) {
            return HttpProblem.valueOf(Status.BAD_REQUEST, "The request body does not have the expected shape.");
        }
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
