// For tests: a Desk with a scripted server (fetch answered by a route table) and a live event
// stream the test drives.
import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { Api } from '../api';
import { DeskContext, type Desk } from '../desk';
import type { LiveEvents, LiveMessage } from '../events';
import { NO_PERMISSIONS } from '../nav';

export function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** Answers a request, or undefined for "no such route" (a 404 problem). */
export type Route = (method: string, url: string, body: unknown) => Response | undefined;

/** A request body as the test reads it: parsed JSON, or the text as sent (an upload). */
function bodyOf(init: RequestInit | undefined): unknown {
  if (!init?.body) return undefined;
  const text = String(init.body);
  const type = (init.headers as Record<string, string> | undefined)?.['Content-Type'] ?? 'application/json';
  return type.includes('json') && !type.includes('ld+json') ? JSON.parse(text) : text;
}

/** Text answer (HTML) of a route. */
export function text(body: string, status = 200, type = 'text/html; charset=utf-8') {
  return new Response(body, { status, headers: { 'Content-Type': type } });
}

export function fakeDesk(route: Route, overrides: Partial<Desk> = {}) {
  const fetchMock = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = bodyOf(init);
    return route(method, String(url), body)
      ?? json({ title: 'Not found', detail: `no route ${method} ${url}` }, 404, 'application/problem+json');
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
    me: { subject: 'sub-alice', username: 'alice', name: 'Alice', roles: [] },
    permissions: NO_PERMISSIONS,
    timeZone: 'Europe/Berlin',
    people: [],
    scale: null,
    signOut: () => undefined,
    ...overrides,
  };
  const wrapper = ({ children }: { children: ReactNode }) => <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
  const emit = (m: LiveMessage) => act(() => listeners.forEach((l) => l(m)));
  /** Requests made so far, as "METHOD url". */
  const requests = () => fetchMock.mock.calls.map(([u, init]) => `${init?.method ?? 'GET'} ${String(u)}`);
  const writes = () => fetchMock.mock.calls
    .filter(([, init]) => init?.method && init.method !== 'GET')
    .map(([u, init]) => ({ method: init!.method, url: String(u), body: bodyOf(init) }));
  /** The headers of the last request to a URL ending with `suffix`. */
  const headersOf = (suffix: string) => {
    const call = [...fetchMock.mock.calls].reverse().find(([u]) => String(u).endsWith(suffix));
    return (call?.[1]?.headers ?? {}) as Record<string, string>;
  };
  return { desk, wrapper, emit, requests, writes, headersOf, listeners };
}
