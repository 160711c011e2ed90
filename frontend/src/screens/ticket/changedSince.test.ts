import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../types';
import { changedSince } from './changedSince';

let seq = 0;
const ev = (action: string, changes: unknown = {}): HistoryEvent => ({
  id: ++seq, seq, occurredAt: '2026-01-01T10:00:00Z', actor: 'sub-alice', action, fromStatus: null, toStatus: null,
  changes, hash: 'h',
} as HistoryEvent);

describe('changedSince', () => {
  it('lists what changed after the last request-changes, in a person\'s words', () => {
    const history = [
      ev('ticket.submit'),
      ev('verdict.drafted', { summary: { before: 'a', after: 'b' } }), // before the request: not listed
      ev('ticket.request-changes', { commentId: 4 }),
      ev('verdict.drafted', { headline: { before: 'a', after: 'b' }, ratingId: { before: 1, after: 2 } }),
      ev('verdict.drafted', { headline: { before: 'b', after: 'c' }, evidenceIds: { before: [1], after: [1, 9] } }),
      ev('evidence.added', { evidenceId: 9, title: { before: null, after: 'Report' } }),
      ev('evidence.updated', { evidenceId: 1, excerpt: { before: 'x', after: 'y' } }),
      ev('evidence.removed', { evidenceId: 3, url: 'https://x', title: 'Old' }),
      ev('claim.updated', { text: { before: 'a', after: 'b' }, sourceStart: {}, sourceEnd: {} }),
      ev('comment.added', { commentId: 5 }),
      ev('ticket.submit'),
    ];
    expect(changedSince(history)).toEqual({
      verdict: ['headline', 'rating', 'cited sources'],
      evidence: ['E9 added', 'E1 edited: excerpt', 'E3 removed'],
      claim: ['claim text', 'place in the article'],
    });
  });

  it('is null when the ticket was never sent back, or the round ended since', () => {
    expect(changedSince([ev('ticket.submit'), ev('verdict.drafted', { headline: {} })])).toBeNull();
    expect(changedSince([ev('ticket.request-changes'), ev('ticket.submit'), ev('ticket.approve'), ev('ticket.publish'),
      ev('ticket.correct'), ev('verdict.drafted', { headline: {} })])).toBeNull();
  });

  it('is empty lists when nothing changed since the request', () => {
    expect(changedSince([ev('ticket.request-changes'), ev('ticket.submit')])).toEqual({ claim: [], evidence: [], verdict: [] });
  });
});
