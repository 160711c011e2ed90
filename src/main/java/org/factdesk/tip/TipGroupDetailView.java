package org.factdesk.tip;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A group and its newest tips, newest first: at most {@value #TIPS_MAX} of them ({@code group.asked}
 * counts them all).
 */
public record TipGroupDetailView(TipGroupView group,
                                 @Schema(maxItems = TIPS_MAX) List<TipView> tips) {

    public static final int TIPS_MAX = 200;
}
