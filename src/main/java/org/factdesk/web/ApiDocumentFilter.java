package org.factdesk.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.common.Problems;
import org.factdesk.ticket.TicketAction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document states that no annotation can: the bounds of types the project does not own
 * (java.time values, the problem extension's {@code HttpProblem}), the ticket actions, listed from
 * {@link TicketAction} itself, and the problems every operation may answer. Runs when the build makes the document.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        maxLength(schemas.get("Instant"), Limits.DATE_TIME_MAX);
        maxLength(schemas.get("OffsetDateTime"), Limits.DATE_TIME_MAX);
        maxLength(schemas.get("LocalDate"), Limits.DATE_MAX);
        for (String name : List.of("HttpProblem", "HttpValidationProblem")) {
            Schema problem = schemas.get(name);
            if (problem == null) {
                continue;
            }
            maxLength(property(problem, "type"), HttpUrl.MAX_LENGTH);
            maxLength(property(problem, "instance"), HttpUrl.MAX_LENGTH);
            maxLength(property(problem, "title"), Problems.TITLE_MAX);
            maxLength(property(problem, "detail"), Problems.DETAIL_MAX);
            Schema status = property(problem, "status");
            if (status != null) {
                status.minimum(BigDecimal.valueOf(100)).maximum(BigDecimal.valueOf(599));
            }
            Schema violations = property(problem, "violations");
            if (violations != null) {
                violations.maxItems(Problems.VIOLATIONS_MAX);
            }
        }
        Schema violation = schemas.get("Violation");
        if (violation != null) {
            maxLength(property(violation, "field"), Problems.FIELD_MAX);
            maxLength(property(violation, "message"), Problems.MESSAGE_MAX);
            Schema in = property(violation, "in");
            if (in != null) {
                in.enumeration(new ArrayList<>(List.of("query", "path", "header", "form", "body", "unknown")));
            }
        }
        actions(api, schemas);
        errors(api);
    }

    /**
     * The problems every operation may answer, with their schema: 500 (an unexpected failure, details hidden),
     * 400 where the operation takes parameters or a body (its limits), and the content of the 4xx responses
     * listed without one (the 401 and 403 of secured operations). All are application/problem+json; public HTML
     * pages keep their own (HTML) answers.
     */
    private static void errors(OpenAPI api) {
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            var responses = operation.getResponses();
            if (page(responses)) {
                return; // a public HTML page answers its errors as pages (FactCheckPage)
            }
            boolean takesInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                    || (item.getParameters() != null && !item.getParameters().isEmpty());
            if (takesInput && !responses.hasAPIResponse("400")) {
                responses.addAPIResponse("400", OASFactory.createAPIResponse()
                        .description("The request breaks a limit or rule of this document (violations name the fields)."));
            }
            if (!responses.hasAPIResponse("500")) {
                responses.addAPIResponse("500", OASFactory.createAPIResponse()
                        .description("An unexpected failure; the problem hides its details."));
            }
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.matches("[45]\\d\\d") && response.getRef() == null && response.getContent() == null) {
                    response.content(problem(code.equals("400") ? "HttpValidationProblem" : "HttpProblem"));
                }
            });
        }));
    }

    private static boolean page(APIResponses responses) {
        var ok = responses.getAPIResponse("200");
        return ok != null && ok.getContent() != null && ok.getContent().hasMediaType("text/html");
    }

    private static Content problem(String schema) {
        return OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + schema)));
    }

    /** The {action} of POST /api/tickets/{id}/{action} and the actions a ticket's permissions list. */
    private static void actions(OpenAPI api, Map<String, Schema> schemas) {
        List<Object> paths = new ArrayList<>(TicketAction.paths());
        var item = api.getPaths().getPathItem("/api/tickets/{id}/{action}");
        if (item != null) {
            item.getOperations().values().forEach(operation -> {
                List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
                for (Parameter parameter : parameters) {
                    if (parameter.getName().equals("action")) {
                        parameter.getSchema().enumeration(paths);
                    }
                }
            });
        }
        Schema actions = property(schemas.get("Permissions"), "actions");
        if (actions != null) {
            actions.maxItems(paths.size()).items(OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING).enumeration(paths));
        }
    }

    private static Schema property(Schema schema, String name) {
        return schema == null || schema.getProperties() == null ? null : schema.getProperties().get(name);
    }

    private static void maxLength(Schema schema, int max) {
        if (schema != null) {
            schema.maxLength(max);
        }
    }
}
