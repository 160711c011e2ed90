package org.factdesk.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of the running application's OpenAPI document ({@code /q/openapi?format=json}),
 * with their path parameters filled with real fixtures, for tests that call every endpoint without
 * listing them (the access sweep, the fuzzer).
 */
public final class ApiOperations {

    public static final List<String> ROLES = List.of("factchecker", "reviewer", "editor", "admin");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private ApiOperations() {
    }

    /**
     * One path x method of the document. {@code node} is the document's operation object and
     * {@code pathItem} its path item (both for parameters and the request body's schema).
     */
    public record Operation(String method, String template, String path, boolean hasBody, String bodyType,
                            boolean needsAuth, Set<String> roles, JsonNode node, JsonNode pathItem) {

        /** The operation's parameters (its own and its path item's) that are {@code in} the given place. */
        public List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode parameters : List.of(node.path("parameters"), pathItem.path("parameters"))) {
                for (JsonNode parameter : parameters) {
                    if (in.equals(parameter.path("in").asText())) {
                        found.add(parameter);
                    }
                }
            }
            return found;
        }

        /** Called with a partner's signature ({@code x-factdesk-signed}), never with a bearer token. */
        public boolean signed() {
            return node.has("x-factdesk-signed");
        }

        /** The schema of the request body for its content type, or a missing node. */
        public JsonNode bodySchema() {
            JsonNode content = node.path("requestBody").path("content");
            JsonNode media = content.has(bodyType) ? content.get(bodyType) : content.elements().hasNext()
                    ? content.elements().next() : content.path(bodyType);
            return media.path("schema");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Every path x method of the document, with its path parameters filled and its access rule.
     * <p>
     * smallrye-openapi turns {@code @RolesAllowed} (class or method) into a security requirement on
     * the JWT scheme whose scopes are the allowed roles; {@code @PermitAll} resources have none.
     */
    public static List<Operation> read(JsonNode document, Map<String, String> fixtures) {
        List<Operation> operations = new ArrayList<>();
        JsonNode defaultSecurity = document.path("security");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                JsonNode security = op.has("security") ? op.get("security") : defaultSecurity;
                boolean needsAuth = security.isArray() && !security.isEmpty();
                Set<String> roles = new TreeSet<>();
                for (JsonNode requirement : security) {
                    requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
                }
                if (needsAuth && roles.isEmpty()) {
                    roles.addAll(ROLES); // authentication only (@Authenticated): every desk role may call it
                }
                JsonNode content = op.path("requestBody").path("content");
                String bodyType = content.has("application/json") || !content.fieldNames().hasNext()
                        || content.has("*/*") ? "application/json" : content.fieldNames().next();
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(),
                        fill(path.getKey(), op, path.getValue(), fixtures), op.has("requestBody"), bodyType, needsAuth,
                        roles, op, path.getValue()));
            }
        }
        return operations;
    }

    /**
     * A path parameter is filled by its name (action, slug) or else by the collection segment before
     * it: {@code /api/tickets/{ticketId}/evidence/{evidenceId}} takes the ticket and evidence fixtures.
     */
    static String fill(String template, JsonNode op, JsonNode pathItem, Map<String, String> fixtures) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String before = template.substring(0, m.start());
            String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String value = name.equals("action") ? action(op, pathItem)
                    : fixtures.containsKey(name) ? fixtures.get(name) : fixtures.get(collection);
            if (value == null) {
                // A collection without a fixture: refusals are still checked (role checks come before
                // any lookup); an allowed role then gets a 404.
                System.out.println("No fixture for {" + name + "} in " + template + ", using 1");
                value = "1";
            }
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** The document's enum for {action} if it has one (preferring "claim"), else the real action "claim". */
    static String action(JsonNode op, JsonNode pathItem) {
        for (JsonNode parameters : List.of(op.path("parameters"), pathItem.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode values = parameter.path("schema").path("enum");
                if (parameter.path("name").asText().equals("action") && values.isArray() && !values.isEmpty()) {
                    for (JsonNode v : values) {
                        if (v.asText().equals("claim")) {
                            return "claim";
                        }
                    }
                    return values.get(0).asText();
                }
            }
        }
        return "claim";
    }

    /** Where each path parameter of {@code template} sits in the filled path, as {@code [start, end)}. */
    public static List<int[]> parameterSpans(String template, String path) {
        // Walk the template's literal parts through the filled path.
        List<int[]> spans = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        int t = 0;
        int p = 0;
        while (m.find()) {
            p += m.start() - t;
            String next = template.substring(m.end(), nextParameterOrEnd(template, m.end()));
            int end = next.isEmpty() ? path.length() : path.indexOf(next, p);
            spans.add(new int[]{p, end});
            p = end;
            t = m.end();
        }
        return spans;
    }

    private static int nextParameterOrEnd(String template, int from) {
        int brace = template.indexOf('{', from);
        return brace < 0 ? template.length() : brace;
    }
}
