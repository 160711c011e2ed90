import { describe, expect, it, vi } from 'vitest';
import { Api, ApiError, STALE_MESSAGE, ticketQueryString } from './api';

function problem(status: number, body: unknown, type = 'application/problem+json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('Api', () => {
  it('sends the bearer token and JSON body to a relative URL', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 12, status: 'IN_REVIEW' }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const api = new Api(() => 'tok', fetchMock as unknown as typeof fetch);
    const ticket = await api.transition(12, 'request-changes', { comment: 'Source 2 is dead' });
    expect(ticket.id).toBe(12);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/tickets/12/request-changes');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(init.body as string)).toEqual({ comment: 'Source 2 is dead' });
  });

  it('turns a stale-version 409 into a conflict that keeps the detail and the current version', async () => {
    const api = new Api(() => 'tok', (async () => problem(409, {
      title: 'Stale version',
      status: 409,
      detail: 'The verdict draft was changed by someone else: you sent version 3, the current version is 4. Reload and apply your change again.',
      currentVersion: 4,
    })) as unknown as typeof fetch);
    const error = await api.saveVerdict(1, { ratingId: 1, headline: 'h', summary: '', explanation: '', evidenceIds: [], correctionNote: null, version: 3 }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.stale).toBe(true);
    expect(error.problem.currentVersion).toBe(4);
    expect(error.message).toContain(STALE_MESSAGE);
    expect(error.message).toContain('current version is 4');
  });

  it('a 409 without currentVersion (illegal transition) is not a stale edit and shows the detail', async () => {
    const api = new Api(() => 'tok', (async () => problem(409, {
      title: 'Illegal transition', status: 409, detail: "'approve' is not possible while the ticket is OPEN", currentState: 'OPEN', allowedActions: ['claim'],
    })) as unknown as typeof fetch);
    const error = (await api.transition(5, 'approve').catch((e) => e)) as ApiError;
    expect(error.stale).toBe(false);
    expect(error.message).toBe("'approve' is not possible while the ticket is OPEN");
    expect(error.problem.allowedActions).toEqual(['claim']);
  });

  it("shows the server's 403 detail as it comes", async () => {
    const api = new Api(() => 'tok', (async () => problem(403, {
      title: 'Forbidden', status: 403, detail: 'four-eyes: you drafted or changed this ticket\'s verdict or evidence, so another reviewer must approve it',
    })) as unknown as typeof fetch);
    const error = (await api.transition(5, 'approve').catch((e) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/^four-eyes/);
  });

  it('lists validation violations with the detail', async () => {
    const api = new Api(() => 't', (async () => problem(400, { title: 'Bad Request', status: 400, violations: [{ field: 'url', message: 'must be an http(s) URL' }] })) as unknown as typeof fetch);
    const error = (await api.addEvidence(1, { url: 'x', title: 't', excerpt: null, sourceKind: 'DATASET', stance: 'REFUTES', accessedOn: '2026-11-01', archiveUrl: null }).catch((e) => e)) as ApiError;
    expect(error.message).toBe('url: must be an http(s) URL');
  });

  it('copes with a non-JSON error body and with no network', async () => {
    const plain = new Api(() => 't', (async () => new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } })) as unknown as typeof fetch);
    expect(((await plain.ticket(1).catch((e) => e)) as ApiError).message).toBe('Bad Gateway');
    const offline = new Api(() => 't', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch);
    const error = (await offline.ticket(1).catch((e) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });

  it('answers undefined for 204', async () => {
    const api = new Api(() => 't', (async () => new Response(null, { status: 204 })) as unknown as typeof fetch);
    await expect(api.removeEvidence(1, 2, 3)).resolves.toBeUndefined();
  });
});

describe('ticketQueryString', () => {
  it('repeats status and leaves out empty filters', () => {
    expect(ticketQueryString({ status: ['OPEN', 'IN_PROGRESS'], q: ' vaccine ', topic: '', overdue: true, page: 0, size: 25 }))
      .toBe('?status=OPEN&status=IN_PROGRESS&q=vaccine&overdue=true&page=0&size=25');
    expect(ticketQueryString({})).toBe('');
  });
});
