package org.factdesk.tip;

import org.factdesk.claim.Priority;
import org.factdesk.common.FactdeskConfig;

import java.util.Optional;

/**
 * The priority that many people asking about a claim suggests: {@code URGENT} from
 * {@code factdesk.tips.asked-for-urgent} people on, {@code HIGH} from {@code asked-for-high}, else
 * none. Only a suggestion: the editor applies it through triage, like any priority.
 */
public final class AskedPriority {

    private AskedPriority() {
    }

    public static Optional<Priority> suggest(long asked, FactdeskConfig.Tips tips) {
        if (asked >= tips.askedForUrgent()) {
            return Optional.of(Priority.URGENT);
        }
        if (asked >= tips.askedForHigh()) {
            return Optional.of(Priority.HIGH);
        }
        return Optional.empty();
    }
}
