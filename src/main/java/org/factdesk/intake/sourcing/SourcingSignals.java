package org.factdesk.intake.sourcing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Flags weak or unverifiable sourcing in one sentence with transparent rules ({@link SignalRules}).
 * Precision comes first: a phrase is flagged only where it attributes a statement, so "energy sources",
 * "the official figures" or "a named spokesperson, John Smith, said" stay clean. Stateless and thread-safe.
 */
public final class SourcingSignals {

    private static final Map<SignalKind, String> EXPLANATIONS = Map.of(
            SignalKind.ANONYMOUS_SOURCE, "Unnamed source: the reader cannot verify who said this.",
            SignalKind.HEDGE, "Hedged wording: the statement is passed on without a source that stands behind it.",
            SignalKind.LEAKED_OR_CLASSIFIED, "Leaked or classified material: the reader cannot see the document.",
            SignalKind.PARTIAL_NAME, "Speaker not named in full: the reader cannot look this person up.");

    /** At most one signal per kind, in the order of {@link SignalKind}, each with its triggers in sentence order. */
    public List<SourcingSignal> find(String sentence) {
        Map<SignalKind, List<Trigger>> found = new EnumMap<>(SignalKind.class);
        String lower = Keywords.lower(sentence);
        for (SignalRules.Rule rule : SignalRules.RULES) {
            if (!rule.keywords().mayOccurIn(lower)) {
                continue;
            }
            var matcher = rule.pattern().matcher(sentence);
            while (matcher.find()) {
                if (!rule.veto().test(sentence, matcher)) {
                    found.computeIfAbsent(rule.kind(), k -> new ArrayList<>())
                            .add(new Trigger(matcher.start("t"), matcher.end("t"), matcher.group("t")));
                }
            }
        }
        List<SourcingSignal> signals = new ArrayList<>();
        found.forEach((kind, triggers) ->
                signals.add(new SourcingSignal(kind, EXPLANATIONS.get(kind), merged(sentence, triggers))));
        return signals;
    }

    /** Several rules may fire on the same words ("one source" and "source with privileged access to");
     *  overlapping triggers become one, so the editor sees each phrase once. */
    private static List<Trigger> merged(String sentence, List<Trigger> triggers) {
        List<Trigger> sorted = new ArrayList<>(triggers);
        sorted.sort(Comparator.comparingInt(Trigger::start).thenComparingInt(Trigger::end));
        List<Trigger> result = new ArrayList<>();
        for (Trigger t : sorted) {
            Trigger last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && t.start() < last.end()) {
                int end = Math.max(last.end(), t.end());
                result.set(result.size() - 1, new Trigger(last.start(), end, sentence.substring(last.start(), end)));
            } else {
                result.add(t);
            }
        }
        return result;
    }
}
