package org.factdesk.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.common.Problems;
import org.factdesk.intake.AnalysisLimited;
import org.factdesk.intake.ArticleIntake;
import org.factdesk.ticket.TicketAction;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document states that no annotation can: the bounds of types the project does not own
 * (java.time values, the problem extension's {@code HttpProblem}), the ticket actions, listed from
 * {@link TicketAction} itself, the 503 of the operations marked {@link AnalysisLimited}, and the problems every
 * operation may answer. Runs when the build makes the document, with the build's index of the classes.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");

    private final IndexView index;

    public ApiDocumentFilter(IndexView index) {
        this.index = index;
    }

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
        analysisLimited(api);
        errors(api);
    }

    /** The 503 with Retry-After of each {@link AnalysisLimited} operation, listed after its success answers. */
    private void analysisLimited(OpenAPI api) {
        for (AnnotationInstance marked : index.getAnnotations(DotName.createSimple(AnalysisLimited.class))) {
            MethodInfo method = marked.target().asMethod();
            String path = path(method.declaringClass().declaredAnnotation(PATH), method.declaredAnnotation(PATH));
            PathItem item = api.getPaths().getPathItem(path);
            var operation = item == null ? null : item.getOperations().entrySet().stream()
                    .filter(entry -> method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + entry.getKey().name())))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (operation == null) {
                throw new IllegalStateException("@AnalysisLimited on " + method + ": no operation at " + path);
            }
            var schema = OASFactory.createSchema().maximum(BigDecimal.valueOf(ArticleIntake.RETRY_AFTER_SECONDS))
                    .minimum(BigDecimal.valueOf(ArticleIntake.RETRY_AFTER_SECONDS))
                    .format("int32").addType(Schema.SchemaType.INTEGER);
            APIResponse busy = OASFactory.createAPIResponse().description(AnalysisLimited.BUSY)
                    .addHeader("Retry-After", OASFactory.createHeader().description(AnalysisLimited.RETRY_AFTER).schema(schema));
            Map<String, APIResponse> responses = new LinkedHashMap<>();
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("2")) {
                    responses.put(code, response);
                }
            });
            responses.put("503", busy);
            operation.getResponses().getAPIResponses().forEach(responses::putIfAbsent);
            operation.getResponses().setAPIResponses(responses);
        }
    }

    /** The document's path of a resource method: its class's @Path and its own, without template regexes. */
    private static String path(AnnotationInstance... paths) {
        StringBuilder path = new StringBuilder();
        for (AnnotationInstance part : paths) {
            if (part == null) {
                continue;
            }
            for (String segment : part.value().asString().split("/")) {
                if (!segment.isBlank()) {
                    path.append('/').append(segment.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}"));
                }
            }
        }
        return path.isEmpty() ? "/" : path.toString();
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
