import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents, refetchOn, type LiveMessage } from './events';

function stream(chunks: string[], keepOpen = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      if (!keepOpen) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const ticketEvent = (ticketId: number) =>
  `event: ticket\ndata: {"ticketId":${ticketId},"claimId":5,"action":"ticket.claimed","status":"IN_PROGRESS","actor":"abc","occurredAt":"2026-11-12T10:00:00Z"}\n\n`;

const waitFor = async (check: () => boolean, ms = 2000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('LiveEvents', () => {
  let live: LiveEvents | null = null;
  afterEach(() => live?.stop());

  it('connects with a bearer header (not a token in the URL), reports open, and delivers ticket events', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => stream([': heartbeat\n\n', ticketEvent(12)], true));
    const messages: LiveMessage[] = [];
    live = new LiveEvents({ token: () => 'tok-1', fetch: fetchMock });
    live.subscribe((m) => messages.push(m));
    live.start();
    await waitFor(() => messages.length >= 2);
    expect(messages[0]).toEqual({ type: 'open' });
    expect(messages[1]).toMatchObject({ type: 'ticket', event: { ticketId: 12, action: 'ticket.claimed' } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toBe('/api/events');
    expect(String(url)).not.toContain('tok');
    expect((init!.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
  });

  it('reconnects after the stream ends, with backoff and a fresh token, and reports open again', async () => {
    let n = 0;
    const fetchMock = vi.fn<typeof fetch>(async () => {
      n++;
      if (n === 2) throw new TypeError('network down');
      return stream(n === 1 ? [ticketEvent(1)] : [], n >= 3);
    });
    const waits: number[] = [];
    let token = 0;
    const messages: LiveMessage[] = [];
    live = new LiveEvents({
      token: () => `tok-${++token}`,
      fetch: fetchMock,
      backoff: (attempt) => (attempt + 1) * 10,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    live.subscribe((m) => messages.push(m));
    live.start();
    await waitFor(() => messages.filter((m) => m.type === 'open').length >= 2);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([10, 20]); // after a good connection the backoff starts over; a failure then steps it up
    const auth = fetchMock.mock.calls.map(([, init]) => (init!.headers as Record<string, string>).Authorization);
    expect(auth).toEqual(['Bearer tok-1', 'Bearer tok-2', 'Bearer tok-3']);
    expect(live.state).toBe('live');
  });

  it('does not treat an error answer (401) as a connection', async () => {
    let calls = 0;
    const fetchMock = vi.fn(async () => {
      calls++;
      return new Response('{"title":"Unauthorized"}', { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
    });
    const messages: LiveMessage[] = [];
    live = new LiveEvents({ token: () => 't', fetch: fetchMock as unknown as typeof fetch, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), backoff: () => 1 });
    live.subscribe((m) => messages.push(m));
    live.start();
    await waitFor(() => calls >= 3);
    live.stop();
    expect(messages).toEqual([]);
  });
});

describe('refetchOn', () => {
  function fakeLive() {
    const listeners = new Set<(m: LiveMessage) => void>();
    return {
      subscribe: (l: (m: LiveMessage) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      emit: (m: LiveMessage) => listeners.forEach((l) => l(m)),
    };
  }

  it('refetches for an event about the shown ticket, not for others, and on reconnect', () => {
    vi.useFakeTimers();
    const live = fakeLive();
    const refetch = vi.fn();
    const stop = refetchOn(live, (e) => e.ticketId === 12, refetch, 100);
    live.emit({ type: 'ticket', event: { ticketId: 7, action: 'comment.added' } });
    vi.advanceTimersByTime(200);
    expect(refetch).not.toHaveBeenCalled();
    live.emit({ type: 'ticket', event: { ticketId: 12, action: 'evidence.added' } });
    live.emit({ type: 'ticket', event: { ticketId: 12, action: 'verdict.saved' } });
    vi.advanceTimersByTime(200);
    expect(refetch).toHaveBeenCalledTimes(1); // coalesced
    live.emit({ type: 'open' });
    vi.advanceTimersByTime(200);
    expect(refetch).toHaveBeenCalledTimes(2);
    stop();
    live.emit({ type: 'open' });
    vi.advanceTimersByTime(200);
    expect(refetch).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});
