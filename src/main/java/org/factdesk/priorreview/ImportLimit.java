package org.factdesk.priorreview;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.factdesk.common.BodyLimit;

/**
 * One size limit for a page or feed of ClaimReviews, whether the server fetches it (import-url,
 * {@link ClaimReviewFetcher}) or an editor uploads it: the same markup must not be refused one way
 * and taken the other. A constant, so that the OpenAPI document states it too.
 */
public class ImportLimit {

    /** 5 MiB. */
    public static final int MAX_BYTES = 5_242_880;

    /** The upload endpoint, {@link PriorReviewResource#importUpload}. */
    static final String UPLOAD_PATH = "/api/prior-reviews/import";

    @Produces
    @Singleton
    BodyLimit uploadLimit() {
        return new BodyLimit(UPLOAD_PATH, MAX_BYTES);
    }
}
