package org.factdesk.common;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkiverse.resteasy.problem.validation.Violation;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every problem within the bounds the OpenAPI document states for it ({@link Problems#TITLE_MAX} …): a detail
 * may quote what the client sent (an unknown action, a field name), so it is cut, and so are the violations of
 * a request that breaks many constraints at once. Runs after every other post-processor of the problem
 * extension, its defaults (the {@code instance}) included.
 */
@ApplicationScoped
public class BoundedProblems implements ProblemPostProcessor {

    void register(@Observes StartupEvent event) {
        ExceptionMapperBase.postProcessorsRegistry.register(this);
    }

    @Override
    public int priority() {
        return 98; // after the extension's defaults (99), which set the instance
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (within(problem)) {
            return problem;
        }
        HttpProblem.Builder bounded = HttpProblem.builder(problem)
                .withTitle(cut(problem.getTitle(), Problems.TITLE_MAX))
                .withDetail(cut(problem.getDetail(), Problems.DETAIL_MAX));
        if (problem.getInstance() != null && problem.getInstance().toString().length() > HttpUrl.MAX_LENGTH) {
            bounded.withInstance(null);
        }
        if (problem.getParameters().get("field") instanceof String field) {
            bounded.with("field", cut(field, Problems.FIELD_MAX));
        }
        if (problem.getParameters().get("violations") instanceof List<?> violations) {
            bounded.with("violations", violations.stream().limit(Problems.VIOLATIONS_MAX)
                    .map(BoundedProblems::violation).toList());
        }
        return bounded.build();
    }

    private static boolean within(HttpProblem problem) {
        return length(problem.getTitle()) <= Problems.TITLE_MAX && length(problem.getDetail()) <= Problems.DETAIL_MAX
                && (problem.getInstance() == null || problem.getInstance().toString().length() <= HttpUrl.MAX_LENGTH)
                && !(problem.getParameters().get("field") instanceof String field && field.length() > Problems.FIELD_MAX)
                && !(problem.getParameters().get("violations") instanceof List<?> violations
                && (violations.size() > Problems.VIOLATIONS_MAX || violations.stream().anyMatch(BoundedProblems::tooLong)));
    }

    private static boolean tooLong(Object violation) {
        return violation instanceof Violation v
                && (length(v.field) > Problems.FIELD_MAX || length(v.message) > Problems.MESSAGE_MAX);
    }

    /** A violation as its three fields (the extension's class cannot be built with other values). */
    private static Object violation(Object violation) {
        if (!(violation instanceof Violation v)) {
            return violation;
        }
        Map<String, String> bounded = new LinkedHashMap<>();
        bounded.put("field", cut(v.field, Problems.FIELD_MAX));
        bounded.put("in", v.in);
        bounded.put("message", cut(v.message, Problems.MESSAGE_MAX));
        return bounded;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
