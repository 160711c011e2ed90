package org.factdesk.publishing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who publishes, and where the public pages live (absolute links come from here, never from the request). */
@ConfigMapping(prefix = "factdesk.publisher")
public interface PublisherConfig {

    /** Public base URL of the site, without a trailing slash. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** The publishing organisation (ClaimReview author). */
    @WithDefault("Factdesk")
    String name();

    @WithDefault("http://localhost:8080")
    String url();

    /**
     * The desk's language (BCP 47, e.g. {@code en}, {@code pt-BR}): the language of a feed that is
     * not filtered by one. Each entry carries its own, the language of its published claim.
     */
    @WithDefault("en")
    String language();
}
