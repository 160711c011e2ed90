package org.factdesk.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import java.util.stream.Collectors;

/**
 * Turns JSON that does not fit a request into 400 problems that name the field. Quarkus' own
 * mapper would answer a wrong JSON type with plain JSON, and unknown fields include read-only
 * ones (id, status, assignee, audit fields) that a client must not set.
 */
public final class JsonProblemMappers {

    private JsonProblemMappers() {
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    @Provider
    @Priority(Priorities.USER - 100)
    public static class MismatchedInput extends ExceptionMapperBase<MismatchedInputException> {
        @Override
        protected HttpProblem toProblem(MismatchedInputException e) {
            String field = path(e);
            String detail = field.isEmpty()
                    ? "The request body does not have the expected shape."
                    : "Field '" + field + "' has the wrong type or format.";
            return HttpProblem.builder().withStatus(Status.BAD_REQUEST).withTitle("Bad request")
                    .withDetail(detail).with("field", field).build();
        }
    }

    @Provider
    @Priority(Priorities.USER - 100)
    public static class UnknownField extends ExceptionMapperBase<UnrecognizedPropertyException> {
        @Override
        protected HttpProblem toProblem(UnrecognizedPropertyException e) {
            String field = path(e);
            return HttpProblem.builder().withStatus(Status.BAD_REQUEST).withTitle("Bad request")
                    .withDetail("Field '" + field + "' is unknown or read-only and cannot be set.")
                    .with("field", field).build();
        }
    }
}
