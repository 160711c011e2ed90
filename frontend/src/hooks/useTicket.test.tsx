import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeDesk, json } from '../testing/fakeDesk';
import { useTicket } from './useTicket';

const TICKET = { id: 12, status: 'IN_PROGRESS', claim: { id: 5, text: 'A claim' }, version: 3 };
/** A list answer: one page holding every item. */
const page = (items: unknown[]) => json({ items, total: items.length, totalExact: true, page: 0, size: 200, next: null });

function server(ticketAnswers: () => Response = () => json(TICKET)) {
  return fakeDesk((method, url) => {
    if (method !== 'GET') return undefined;
    switch (url.split('?')[0]) {
      case '/api/tickets/12': return ticketAnswers();
      case '/api/claims/5': return json({ id: 5, text: 'A claim' });
      case '/api/tickets/12/evidence': return page([{ id: 1, title: 'Source' }]);
      case '/api/tickets/12/verdict': return json({ draft: null, published: [] });
      case '/api/tickets/12/comments': return page([{ id: 2, body: 'Hi' }]);
      case '/api/tickets/12/history': return page([{ id: 3, action: 'ticket.claimed' }]);
      default: return undefined;
    }
  });
}

describe('useTicket', () => {
  it('reads the ticket, then its claim (by the ticket\'s claim id) and its evidence, verdict, comments and history', async () => {
    const { wrapper, requests } = server();
    const { result } = renderHook(() => useTicket(12), { wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data).toEqual({
      ticket: TICKET,
      claim: { id: 5, text: 'A claim' },
      evidence: [{ id: 1, title: 'Source' }],
      verdict: { draft: null, published: [] },
      comments: [{ id: 2, body: 'Hi' }],
      history: [{ id: 3, action: 'ticket.claimed' }],
    });
    expect(requests()[0]).toBe('GET /api/tickets/12');
    expect(requests().slice(1).sort()).toEqual([
      'GET /api/claims/5', 'GET /api/tickets/12/comments?size=200', 'GET /api/tickets/12/evidence?size=200',
      'GET /api/tickets/12/history?size=200', 'GET /api/tickets/12/verdict',
    ]);
  });

  it('refetches on an event for this ticket and on reconnect, not on events for other tickets', async () => {
    const { wrapper, emit, requests } = server();
    const { result } = renderHook(() => useTicket(12), { wrapper });
    await waitFor(() => expect(result.current.loading).toBe(false));
    const ticketReads = () => requests().filter((r) => r === 'GET /api/tickets/12').length;
    expect(ticketReads()).toBe(1);
    emit({ type: 'ticket', event: { ticketId: 7, action: 'comment.added' } });
    await new Promise((r) => setTimeout(r, 400)); // past the 250 ms the refetch waits to gather events
    expect(ticketReads()).toBe(1);
    emit({ type: 'ticket', event: { ticketId: 12, action: 'comment.added' } });
    await waitFor(() => expect(ticketReads()).toBe(2));
    emit({ type: 'open' });
    await waitFor(() => expect(ticketReads()).toBe(3));
  });

  it('gives the server\'s refusal as the error and reads nothing else', async () => {
    const { wrapper, requests } = server(() => json({ title: 'Not Found', status: 404, detail: 'No ticket 12.' }, 404, 'application/problem+json'));
    const { result } = renderHook(() => useTicket(12), { wrapper });
    await waitFor(() => expect(result.current.error?.message).toBe('No ticket 12.'));
    expect(result.current.data).toBeUndefined();
    expect(requests()).toEqual(['GET /api/tickets/12']);
  });

  it('keeps showing the last data while a refetch fails, with the error beside it', async () => {
    let fail = false;
    const { wrapper, emit } = server(() => (fail ? json({ detail: 'Try later.' }, 503, 'application/problem+json') : json(TICKET)));
    const { result } = renderHook(() => useTicket(12), { wrapper });
    await waitFor(() => expect(result.current.data?.ticket).toEqual(TICKET));
    fail = true;
    emit({ type: 'open' });
    await waitFor(() => expect(result.current.error?.message).toBe('Try later.'));
    expect(result.current.data?.ticket).toEqual(TICKET);
  });
});
