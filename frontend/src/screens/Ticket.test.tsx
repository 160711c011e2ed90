import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Api } from '../api';
import { DeskContext, type Desk } from '../desk';
import type { LiveEvents, LiveMessage } from '../events';
import { TicketScreen } from './Ticket';

const ARTICLE_TEXT = 'Intro <script>alert(1)</script>. The mayor said crime fell 😀 40% last year. Outro.';
const CLAIM = 'The mayor said crime fell 😀 40% last year.';

function fixtures() {
  const start = ARTICLE_TEXT.indexOf(CLAIM);
  return {
    ticket: {
      id: 12, status: 'IN_PROGRESS', assignee: 'sub-alice', deadline: '2026-01-01T10:00:00Z', overdue: true, publishAt: null,
      publishedVersions: 0, reason: null, createdAt: '2025-12-30T10:00:00Z', updatedAt: '2025-12-30T10:00:00Z', version: 3,
      claim: { id: 5, text: CLAIM, claimant: 'Mayor', language: 'en', topics: ['crime'], priority: 'HIGH', duplicateOf: null },
      allowedActions: ['release', 'submit'],
    },
    claim: {
      id: 5, text: CLAIM, claimant: 'Mayor', language: 'en', topics: ['crime'], priority: 'HIGH', deadline: '2026-01-01T10:00:00Z',
      articleId: 9, sourceStart: start, sourceEnd: start + CLAIM.length, duplicateOf: null, appearances: [], ticketId: 12,
      ticketStatus: 'IN_PROGRESS', createdAt: '2025-12-30T10:00:00Z', createdBy: 'sub-carol', updatedAt: '2025-12-30T10:00:00Z', version: 1,
    },
    article: { id: 9, url: 'https://news.example/a', title: 'Crime', outlet: 'News', author: null, publishedAt: null, language: 'en', text: ARTICLE_TEXT, createdAt: '2025-12-30T10:00:00Z', createdBy: 'x', version: 0 },
    verdict: { draft: { id: 1, state: 'DRAFT', number: 1, ratingId: 2, headline: 'Server headline', summary: 's', explanation: 'e', evidenceIds: [], correctionNote: null, publishedAt: null, publishedBy: null, updatedAt: '2025-12-30T10:00:00Z', version: 3 }, published: [] },
  };
}

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function setup(overrides: { onPut?: () => Response } = {}) {
  const f = fixtures();
  const fetchMock = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const u = String(url);
    if (init?.method === 'PUT' && u === '/api/tickets/12/verdict') return overrides.onPut ? overrides.onPut() : json(f.verdict.draft);
    if (u === '/api/tickets/12') return json(f.ticket);
    if (u === '/api/claims/5') return json(f.claim);
    if (u === '/api/articles/9') return json(f.article);
    if (u === '/api/tickets/12/evidence') return json([]);
    if (u === '/api/tickets/12/verdict') return json(f.verdict);
    if (u === '/api/tickets/12/comments') return json([]);
    if (u === '/api/tickets/12/history') return json([]);
    return json({ title: 'Not found', detail: `no route ${u}` }, 404, 'application/problem+json');
  });
  const listeners = new Set<(m: LiveMessage) => void>();
  const live = {
    subscribe: (l: (m: LiveMessage) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  } as unknown as LiveEvents;
  const desk: Desk = {
    api: new Api(() => 'tok', fetchMock as unknown as typeof fetch),
    live,
    me: { subject: 'sub-alice', username: 'alice', name: 'Alice', roles: ['factchecker'] },
    timeZone: 'Europe/Berlin',
    people: [{ subject: 'sub-alice', username: 'alice', name: 'Alice A', roles: ['factchecker'] }],
    scale: { id: 1, name: 'Six', active: true, bestRating: 6, worstRating: 1, version: 0, ratings: [
      { id: 2, position: 2, label: 'False', definition: 'The statement is not accurate.', value: 1 },
      { id: 3, position: 1, label: 'True', definition: 'The statement is accurate.', value: 6 },
    ] },
    signOut: () => undefined,
  };
  render(<DeskContext.Provider value={desk}><TicketScreen id={12} /></DeskContext.Provider>);
  const emit = (m: LiveMessage) => act(() => listeners.forEach((l) => l(m)));
  const ticketFetches = () => fetchMock.mock.calls.filter(([u, init]) => String(u) === '/api/tickets/12' && !init?.method?.match(/POST|PUT/) ).length;
  return { fetchMock, emit, ticketFetches };
}

afterEach(cleanup);

describe('TicketScreen', () => {
  it('shows the claim, highlights it in its source article as text, and offers the allowed actions', async () => {
    setup();
    expect(await screen.findByRole('heading', { name: 'Ticket #12' })).toBeTruthy();
    const article = await screen.findByTestId('source-article');
    await waitFor(() => expect(article.querySelector('mark')).not.toBeNull());
    expect(article.querySelector('mark')!.textContent).toBe(CLAIM);
    expect(article.querySelector('script')).toBeNull();
    expect(article.textContent).toBe(ARTICLE_TEXT);
    expect(screen.getByRole('button', { name: 'Submit for review' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Release' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getAllByText('Overdue').length).toBeGreaterThan(0);
    expect(screen.getByText('The statement is not accurate.', { exact: false })).toBeTruthy();
  });

  it('refetches when an event for this ticket arrives or the stream reconnects, not for other tickets', async () => {
    const { emit, ticketFetches } = setup();
    await screen.findByRole('heading', { name: 'Ticket #12' });
    await waitFor(() => expect(ticketFetches()).toBe(1));
    emit({ type: 'ticket', event: { ticketId: 7, action: 'comment.added' } });
    await new Promise((r) => setTimeout(r, 400));
    expect(ticketFetches()).toBe(1);
    emit({ type: 'ticket', event: { ticketId: 12, action: 'evidence.added' } });
    await waitFor(() => expect(ticketFetches()).toBe(2), { timeout: 2000 });
    emit({ type: 'open' });
    await waitFor(() => expect(ticketFetches()).toBe(3), { timeout: 2000 });
  });

  it('on a stale-version 409 explains the conflict and keeps the unsaved text', async () => {
    setup({
      onPut: () => json({ title: 'Stale version', status: 409, detail: 'The verdict draft was changed by someone else: you sent version 3, the current version is 4. Reload and apply your change again.', currentVersion: 4 }, 409, 'application/problem+json'),
    });
    const headline = (await screen.findByLabelText('Headline')) as HTMLInputElement;
    await waitFor(() => expect(headline.value).toBe('Server headline'));
    fireEvent.change(headline, { target: { value: 'My careful new headline' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Someone else changed this/);
    expect(within(alert).getByRole('button', { name: /Reload/ })).toBeTruthy();
    expect((screen.getByLabelText('Headline') as HTMLInputElement).value).toBe('My careful new headline');
  });
});
