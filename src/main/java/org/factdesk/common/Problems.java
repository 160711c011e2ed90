package org.factdesk.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;

/** The RFC 9457 problems the API answers with; the detail always says what to do differently. */
public final class Problems {

    private Problems() {
    }

    /**
     * The bounds of every problem, stated in the OpenAPI document and kept by {@link BoundedProblems}: title,
     * detail, a violation's field and message, the number of violations listed (the first ones).
     */
    public static final int TITLE_MAX = 200;
    public static final int DETAIL_MAX = 2000;
    public static final int FIELD_MAX = 500;
    public static final int MESSAGE_MAX = 500;
    public static final int VIOLATIONS_MAX = 100;

    public static HttpProblem badRequest(String detail) {
        return problem(Status.BAD_REQUEST, "Bad request", detail);
    }

    public static HttpProblem unauthorized() {
        return unauthorized("A bearer token is required.");
    }

    public static HttpProblem unauthorized(String detail) {
        return problem(Status.UNAUTHORIZED, "Unauthorized", detail);
    }

    /** Refused for who the caller is; the detail (often a policy's reason) starts as a sentence. */
    public static HttpProblem forbidden(String detail) {
        return problem(Status.FORBIDDEN, "Forbidden", sentence(detail));
    }

    /** The text with its first letter capitalised, for reasons written to be composed. */
    public static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public static HttpProblem notFound(String what, Object id) {
        return problem(Status.NOT_FOUND, "Not found", what + " " + id + " does not exist.");
    }

    public static HttpProblem conflict(String title, String detail) {
        return problem(Status.CONFLICT, title, detail);
    }

    /** The request is well-formed but names something the server cannot use (e.g. a URL it cannot fetch). */
    public static HttpProblem unprocessable(String title, String detail) {
        return HttpProblem.builder().withStatus(422).withTitle(title).withDetail(detail).build();
    }

    /** The client edited from a version that someone else has changed since. */
    public static HttpProblem staleVersion(String what, long sent, long current) {
        return HttpProblem.builder()
                .withStatus(Status.CONFLICT)
                .withTitle("Stale version")
                .withDetail(what + " was changed by someone else: you sent version " + sent
                        + ", the current version is " + current + ". Reload and apply your change again.")
                .with("currentVersion", current)
                .build();
    }

    /** Checks the version a client read against the current one. */
    public static void requireVersion(String what, Long sent, long current) {
        if (sent == null) {
            throw badRequest("Field 'version' is required: send the version you read.");
        }
        if (sent != current) {
            throw staleVersion(what, sent, current);
        }
    }

    private static HttpProblem problem(Status status, String title, String detail) {
        return HttpProblem.builder().withStatus(status).withTitle(title).withDetail(detail).build();
    }
}
