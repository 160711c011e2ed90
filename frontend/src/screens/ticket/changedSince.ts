// What the fact-checker changed since a reviewer last sent the ticket back, read from the ticket's
// history: its audit events record which fields each save changed, so nothing extra is stored.
import type { HistoryEvent } from '../../types';

export interface ChangedSince {
  claim: string[];
  evidence: string[];
  verdict: string[];
}

/** Events that close a review round: after one of these, the last request is no longer this round's. */
const ROUND_ENDS = new Set([
  'ticket.approve', 'ticket.publish', 'ticket.publish-scheduled', 'ticket.correct', 'ticket.reopen',
  'ticket.discard', 'ticket.retract',
]);

const VERDICT_FIELDS: Record<string, string> = {
  ratingId: 'rating', headline: 'headline', summary: 'summary', explanation: 'explanation',
  evidenceIds: 'cited sources', correctionNote: 'correction note',
};
const CLAIM_FIELDS: Record<string, string> = {
  text: 'claim text', claimant: 'claimant', language: 'language', topics: 'topics', articleId: 'source article',
  sourceStart: 'place in the article', sourceEnd: 'place in the article', appearances: 'appearances',
};
const EVIDENCE_FIELDS: Record<string, string> = {
  url: 'link', title: 'title', excerpt: 'excerpt', sourceKind: 'kind of source', stance: 'stance',
  accessedOn: 'date accessed', archiveUrl: 'archive link',
};

/** The changed fields an event recorded, in a person's words, once each. */
function fields(event: HistoryEvent, names: Record<string, string>): string[] {
  const changes = event.changes && typeof event.changes === 'object' ? Object.keys(event.changes) : [];
  return [...new Set(changes.filter((k) => k in names).map((k) => names[k]))];
}

function evidenceId(event: HistoryEvent): unknown {
  return (event.changes as { evidenceId?: unknown } | null)?.evidenceId;
}

/**
 * The changes made since the last request-changes of the current round (history oldest first), or
 * null when there is none (never sent back, or the round ended since: approved, published, …).
 */
export function changedSince(history: HistoryEvent[]): ChangedSince | null {
  let start = -1;
  history.forEach((e, i) => {
    if (e.action === 'ticket.request-changes') start = i;
    else if (ROUND_ENDS.has(e.action)) start = -1;
  });
  if (start < 0) return null;
  const claim = new Set<string>();
  const verdict = new Set<string>();
  const evidence: string[] = [];
  for (const e of history.slice(start + 1)) {
    switch (e.action) {
      case 'verdict.drafted':
        fields(e, VERDICT_FIELDS).forEach((f) => verdict.add(f));
        break;
      case 'claim.updated':
        fields(e, CLAIM_FIELDS).forEach((f) => claim.add(f));
        break;
      case 'claim.appearance-added':
      case 'claim.appearances-merged':
        claim.add('appearances');
        break;
      case 'evidence.added':
        evidence.push(`E${evidenceId(e)} added`);
        break;
      case 'evidence.updated':
        evidence.push(`E${evidenceId(e)} edited: ${fields(e, EVIDENCE_FIELDS).join(', ') || 'details'}`);
        break;
      case 'evidence.removed':
        evidence.push(`E${evidenceId(e)} removed`);
        break;
    }
  }
  return { claim: [...claim], evidence: [...new Set(evidence)], verdict: [...verdict] };
}
