package org.factdesk.similar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.common.Limits;

/**
 * One of the desk's past decisions on a candidate claim like the one at hand: a sentence it accepted (the claim
 * it became) or dismissed, from another article, with how close in meaning (cosine) it is.
 */
public record Precedent(Decision decision,
                        @Schema(maxLength = ClaimRequest.TEXT_MAX) String text,
                        @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long claimId,
                        @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long articleId,
                        @Schema(minimum = "-1", maximum = "1") double meaning) {

    public enum Decision { ACCEPTED, DISMISSED }

    /** The most precedents a candidate shows, and how close they must be. */
    public static final int MAX = 3;
    public static final double MIN_MEANING = 0.6;
}
