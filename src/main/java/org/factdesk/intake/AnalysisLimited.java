package org.factdesk.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that analyses an article's text, so it may answer 503 with Retry-After when every
 * analysis slot of the replica is taken ({@link ArticleIntake}). The OpenAPI document states that answer
 * for every marked operation (web/ApiDocumentFilter): MicroProfile OpenAPI annotations cannot be composed,
 * and the rule is written once here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnalysisLimited {

    /** The 503 answer's description. */
    String BUSY = "Every analysis slot of this server is taken (factdesk.intake.max-concurrent-analyses):"
            + " nothing was stored; send the request again after Retry-After seconds.";

    /** The Retry-After header's description. */
    String RETRY_AFTER = "Seconds to wait before sending the request again.";
}
