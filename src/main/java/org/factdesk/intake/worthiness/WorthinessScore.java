package org.factdesk.intake.worthiness;

import java.util.List;

/** score in [0,1]; reasons sorted by |contribution| desc, only features that fired (plus nothing for the bias). */
public record WorthinessScore(double score, List<Reason> reasons) {

    public WorthinessScore {
        reasons = List.copyOf(reasons);
    }
}
