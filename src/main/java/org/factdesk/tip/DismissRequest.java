package org.factdesk.tip;

import jakarta.validation.constraints.Size;

/** Why a group is not taken up (spam, not checkable), for the desk's trail; optional. */
public record DismissRequest(@Size(max = REASON_MAX) String reason) {

    public static final int REASON_MAX = 500;
}
