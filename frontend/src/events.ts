// Live updates from GET /api/events (text/event-stream) with a bearer token, via fetchEventSource
// (a browser EventSource cannot send headers; a token never goes into a URL). Each (re)connection
// gets a fresh token and tells listeners "open", so screens refetch what they show.
import { fetchEventSource } from '@microsoft/fetch-event-source';
import type { TicketEvent } from './types';

export type LiveMessage = { type: 'open' } | { type: 'ticket'; event: TicketEvent };
export type LiveListener = (message: LiveMessage) => void;

export interface LiveOptions {
  url?: string;
  token: () => string | null | Promise<string | null>;
  fetch?: typeof fetch;
  /** Wait before reconnect attempt n (0-based); default 1 s doubling to 30 s, with jitter. */
  backoff?: (attempt: number) => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export function defaultBackoff(attempt: number): number {
  const base = Math.min(30000, 1000 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

class StreamClosed extends Error {}

export class LiveEvents {
  private listeners = new Set<LiveListener>();
  private controller: AbortController | null = null;
  /** "connecting" | "live" | "offline", for a small indicator. */
  state: 'connecting' | 'live' | 'offline' = 'connecting';
  private stateListeners = new Set<(state: LiveEvents['state']) => void>();

  constructor(private readonly options: LiveOptions) {}

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: (state: LiveEvents['state']) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private setState(state: LiveEvents['state']) {
    this.state = state;
    for (const l of [...this.stateListeners]) l(state);
  }

  private emit(message: LiveMessage) {
    for (const l of [...this.listeners]) {
      try {
        l(message);
      } catch (e) {
        console.error('live listener failed', e);
      }
    }
  }

  start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    void this.run(controller.signal);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const backoff = this.options.backoff ?? defaultBackoff;
    const sleep = this.options.sleep ?? abortableSleep;
    let attempt = 0;
    while (!signal.aborted) {
      this.setState('connecting');
      try {
        const token = await this.options.token();
        await fetchEventSource(this.options.url ?? '/api/events', {
          signal,
          headers: token ? { Authorization: `Bearer ${token}` } : {},
          openWhenHidden: true,
          fetch: this.options.fetch,
          onopen: async (response) => {
            const type = response.headers.get('Content-Type') ?? '';
            if (!response.ok || !type.startsWith('text/event-stream')) {
              throw new Error(`event stream refused: ${response.status}`);
            }
            attempt = 0;
            this.setState('live');
            this.emit({ type: 'open' });
          },
          onmessage: (message) => {
            if (message.event !== 'ticket' || !message.data) return;
            try {
              const event = JSON.parse(message.data) as TicketEvent;
              if (typeof event.ticketId === 'number') this.emit({ type: 'ticket', event });
            } catch {
              // ignore a malformed message
            }
          },
          onclose: () => {
            throw new StreamClosed('stream closed');
          },
          onerror: (error) => {
            throw error; // no internal retry: the loop below reconnects with a fresh token
          },
        });
      } catch {
        // fall through to the backoff
      }
      if (signal.aborted) break;
      this.setState('offline');
      await sleep(backoff(attempt++), signal);
    }
  }
}

/**
 * Decides when a screen refetches: on every (re)connection, and on events for tickets it shows
 * (a predicate; "any" for lists). Calls are coalesced within {@code delayMs}.
 */
export function refetchOn(
  live: Pick<LiveEvents, 'subscribe'>,
  relevant: (event: TicketEvent) => boolean,
  refetch: () => void,
  delayMs = 250,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      refetch();
    }, delayMs);
  };
  const unsubscribe = live.subscribe((message) => {
    if (message.type === 'open' || relevant(message.event)) schedule();
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
