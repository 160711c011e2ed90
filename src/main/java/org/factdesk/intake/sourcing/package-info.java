/**
 * Sourcing signals and attribution for single sentences of a news article: transparent rules (regular
 * expressions over small word lists in {@code Words} and {@code SignalRules}), no model, no state.
 *
 * <p>What each {@link org.factdesk.intake.sourcing.SignalKind} matches, and deliberately does not:
 * <ul>
 * <li>ANONYMOUS_SOURCE: anonymity stated ("spoke on condition of anonymity", "declined to be named",
 *     "not authorized to speak", "an unnamed official"); "source(s)" only where a statement is attributed to it
 *     ("according to one source", "a source said", "said one source"); people defined by their position
 *     ("people familiar with", "a person briefed on", "a former U.S. diplomat with knowledge of",
 *     "sources close to the president"); "insiders"; unnamed groups speaking ("officials said",
 *     "officials at the ministry said", "experts say"). Not: "energy sources", "sources of energy",
 *     "a reliable source", "insider trading", "the officials said" (refers back to people already named),
 *     "people close to the blast site", or a position after a name ("Jane Smith, a diplomat familiar with…").</li>
 * <li>HEDGE: "reportedly", "allegedly", "purportedly", "supposedly", "rumoured", "is said/believed/thought/
 *     understood to", "it is understood that", "according to (media) reports", "intelligence/unconfirmed reports
 *     suggest", "Reports say" opening a sentence. Inside quotations too: a hedge in a title is still flagged.
 *     Not: "officially", "reported to the police", "the annual reports show".</li>
 * <li>LEAKED_OR_CLASSIFIED: "leaked transcript", "leaked to the press", "classified/confidential/secret
 *     documents or briefings", "internal memo/emails/report", "documents seen by", "transcript obtained by".
 *     Not: "classified ads", "classified as", "gas leaked", "internal combustion", "results obtained by".</li>
 * <li>PARTIAL_NAME: a speaker introduced with one name and a role ("Vreshinina, a Kremlin spokesperson,
 *     reiterated", "said Petrov, a senior defence official") or by a role alone ("the diplomat, however,
 *     cautioned", "a spokesperson said", "said a senior official", "according to an analyst"). Not: full names
 *     ("Maria Vreshinina, a…"), a role followed by its name ("a spokesperson, John Smith, said"), unique offices
 *     ("the president said", "Prime Minister Netanyahu said"), pronouns ("he insisted"), and a bare single
 *     name without a role ("said Smith", "Putin reaffirmed"): rules cannot tell it from an organisation or a
 *     capital ("said Reuters", "Moscow warned"), and later references by surname are ordinary style.</li>
 * </ul>
 */
package org.factdesk.intake.sourcing;
