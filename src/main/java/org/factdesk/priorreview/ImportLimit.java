package org.factdesk.priorreview;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.factdesk.common.BodyLimit;

/**
 * One size limit for a page or feed of ClaimReviews, whether the server fetches it (import-url,
 * {@link ClaimReviewFetcher}) or an editor uploads it: the same markup must not be refused one way
 * and taken the other.
 */
public class ImportLimit {

    /** The upload endpoint, {@link PriorReviewResource#importUpload}. */
    static final String UPLOAD_PATH = "/api/prior-reviews/import";

    @Produces
    @Singleton
    BodyLimit uploadLimit(@ConfigProperty(name = "factdesk.intake.import.max-bytes") long maxBytes) {
        return new BodyLimit(UPLOAD_PATH, maxBytes);
    }
}
