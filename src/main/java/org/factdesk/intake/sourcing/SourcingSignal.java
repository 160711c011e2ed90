package org.factdesk.intake.sourcing;

import java.util.List;

/** One kind of weak sourcing found in a sentence, with a short explanation for the editor and every trigger. */
public record SourcingSignal(SignalKind kind, String explanation, List<Trigger> triggers) {

    public SourcingSignal {
        triggers = List.copyOf(triggers);
    }
}
