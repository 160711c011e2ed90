import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDesk } from '../../testing/fakeDesk';
import { formatDateTime } from '../../time';
import type { Comment, HistoryEvent, Ticket } from '../../types';
import { CommentsPanel } from './CommentsPanel';
import { HistoryPanel } from './HistoryPanel';
import { TicketHeader } from './TicketHeader';

afterEach(cleanup);

const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const BOB = 'b0b00000-0000-4000-8000-000000000002';

const ticket = (change: Partial<Ticket> = {}): Ticket => ({
  id: 12, status: 'IN_PROGRESS', assignee: ALICE, assigneeName: 'Alice Archer',
  deadline: new Date(Date.now() + 5 * 3600_000).toISOString(), overdue: false, publishAt: null, publishedVersions: 0,
  reason: null, createdAt: '2025-12-30T10:00:00Z', updatedAt: '2025-12-30T10:00:00Z', version: 3,
  claim: { id: 5, text: 'A claim', claimant: null, language: 'en', topics: [], priority: 'HIGH', duplicateOf: null },
  permissions: { actions: [], edit: { claim: false, evidence: false, verdict: false, triage: false }, comment: false },
  publicationFailures: 0, lastPublicationError: null, nextPublicationAttemptAt: null,
  ...change,
} as Ticket);

/** The people list has not loaded (empty): the names come from the API's answers alone. */
const { wrapper } = fakeDesk(() => undefined, { people: [], me: { subject: 'someone-else', username: 'x', name: 'X', roles: [] } });

describe('people by name, without the people list', () => {
  it('names the assignee from the ticket, never its id', () => {
    const { container } = render(<TicketHeader ticket={ticket()} />, { wrapper });
    expect(container.textContent).toContain('Assignee: Alice Archer');
    expect(container.textContent).not.toContain('a11ce000');
  });

  it('names a comment\'s author from the comment', () => {
    const comment = { id: 1, ticketId: 12, author: BOB, authorName: 'Bob Baker', body: 'Looks right', bodyErased: null, createdAt: '2025-12-30T11:00:00Z' } as unknown as Comment;
    const { container } = render(<CommentsPanel ticket={ticket()} comments={[comment]} canComment={false} onAdded={() => undefined} />, { wrapper });
    expect(container.textContent).toContain('Bob Baker');
    expect(container.textContent).not.toContain('b0b00000');
  });
});

describe('the deadline of a finished ticket', () => {
  it('shows "Due in" while the ticket is worked on and nothing once it is published, retracted or discarded', () => {
    expect(render(<TicketHeader ticket={ticket()} />, { wrapper }).container.textContent).toMatch(/Due in 5 h|Due in 4 h/);
    for (const status of ['PUBLISHED', 'RETRACTED', 'DISCARDED'] as const) {
      cleanup();
      const text = render(<TicketHeader ticket={ticket({ status })} />, { wrapper }).container.textContent;
      expect(text).not.toContain('Due in');
      expect(text).not.toContain('No deadline');
    }
  });
});

describe('history as sentences', () => {
  const events = [
    { id: 1, seq: 1, occurredAt: '2025-12-30T10:00:00Z', actor: ALICE, actorName: 'Alice Archer', action: 'ticket.claim', label: 'claimed the ticket',
      fromStatus: 'OPEN', toStatus: 'IN_PROGRESS', changes: { assignee: { before: null, after: ALICE } }, hash: 'h1' },
    { id: 2, seq: 2, occurredAt: '2025-12-30T11:00:00Z', actor: ALICE, actorName: 'Alice Archer', action: 'verdict.drafted', label: 'saved the verdict draft',
      fromStatus: null, toStatus: null, changes: { headline: { before: 'Old', after: 'New' }, evidenceIds: { before: [], after: [3, 4] }, priority: 'URGENT', deadline: { before: null, after: '2026-01-01T10:00:00Z' } }, hash: 'h2' },
    { id: 3, seq: 3, occurredAt: '2025-12-30T12:00:00Z', actor: BOB, actorName: 'Bob Baker', action: 'ticket.request-changes', label: 'requested changes',
      fromStatus: 'IN_REVIEW', toStatus: 'IN_PROGRESS', changes: { claimant: { before: { sha256: 'ab' }, after: { sha256: 'cd' } } }, hash: 'h3' },
    { id: 4, seq: 4, occurredAt: '2025-12-30T13:00:00Z', actor: 'system', actorName: null, action: 'ticket.publish', label: 'published the verdict',
      fromStatus: 'APPROVED', toStatus: 'PUBLISHED', changes: {}, hash: 'h4' },
  ] as unknown as HistoryEvent[];

  it('says who did what in words, with the changes as a short list and no raw names or JSON', () => {
    const { container } = render(<HistoryPanel history={events} />, { wrapper });
    const text = container.textContent ?? '';
    expect(text).toContain('Alice Archer claimed the ticket');
    expect(text).toContain('Bob Baker requested changes (In review → In progress)');
    expect(text).toContain('System published the verdict');
    const lists = screen.getAllByRole('list', { name: 'Changes' });
    expect(lists).toHaveLength(3);
    expect(lists.map((l) => l.textContent).join(' | ')).toBe(
      'Claimant: (personal data, not shown) → (personal data, not shown)'
      + ' | Headline: “Old” → “New”Evidence ids: none → 3, 4Priority: UrgentDeadline: none → ' + formatDateTime('2026-01-01T10:00:00Z', 'Europe/Berlin')
      + ' | Assignee: none → Alice Archer',
    );
    expect(text).not.toContain('a11ce000');
    for (const raw of ['ticket.claim', 'verdict.drafted', 'request-changes', '{', 'IN_REVIEW', 'URGENT', 'sha256']) {
      expect(text).not.toContain(raw);
    }
  });
});
