import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import type { User, UserManager } from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskShell } from './App';
import { NO_PERMISSIONS } from './nav';
import type { DeskPermissions } from './types';

function b64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A token whose roles say "fact-checker and editor": the desk must not act on them. */
const user = (n = 1) => ({
  access_token: `${b64url({ alg: 'RS256' })}.${b64url({ sub: 'sub-alice', n, preferred_username: 'alice', realm_access: { roles: ['factchecker', 'editor'] } })}.sig`,
  profile: {},
}) as unknown as User;

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function serve(granted: Partial<DeskPermissions>) {
  const fetchMock = vi.fn(async (url: RequestInfo | URL) => {
    const u = String(url);
    if (u === '/api/me') return json({ subject: 'sub-alice', roles: ['factchecker', 'editor'], permissions: { ...NO_PERMISSIONS, ...granted } });
    if (u === '/api/settings') return json({ timeZone: 'UTC', maxInProgress: 3, version: 0 });
    if (u === '/api/people') return json({ items: [], stale: false });
    if (u === '/api/rating-scales?size=200') return json({ items: [], total: 0, totalExact: true, page: 0, size: 200 });
    if (u.startsWith('/api/tickets?')) return json({ items: [], total: 0, page: 0, size: 25 });
    return json({ title: 'Not found' }, 404); // the event stream too: it retries quietly
  });
  vi.stubGlobal('fetch', fetchMock);
  const meCalls = () => fetchMock.mock.calls.filter(([u]) => String(u) === '/api/me').length;
  return { meCalls };
}

const navLabels = () => within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((a) => a.textContent);

beforeEach(() => {
  window.location.hash = '#/queue';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DeskShell', () => {
  it('builds the navigation and the claim-next button from GET /api/me, not from the token roles', async () => {
    serve({ review: true, publish: true });
    render(<DeskShell manager={{} as UserManager} user={user()} />);
    await waitFor(() => expect(navLabels()).toEqual(['Queue', 'Review inbox', 'Publishing queue', 'Tips', 'Published', 'Prior reviews', 'Dashboard']));
    await screen.findByText('No tickets here.');
    expect(screen.queryByRole('button', { name: 'Claim next' })).toBeNull();
  });

  it('offers claim next and intake when the server grants them', async () => {
    serve({ claimNext: true, postArticles: true });
    render(<DeskShell manager={{} as UserManager} user={user()} />);
    expect(await screen.findByRole('button', { name: 'Claim next' })).toBeTruthy();
    expect(navLabels()).toEqual(['Queue', 'Tips', 'Published', 'Intake', 'Prior reviews', 'Dashboard']);
  });

  it('shows the administration screens to whom the server grants administer, at their own address', async () => {
    serve({ administer: true });
    window.location.hash = '#/admin/people';
    render(<DeskShell manager={{} as UserManager} user={user()} />);
    await waitFor(() => expect(navLabels()).toEqual(['Queue', 'Board', 'Tips', 'Published', 'Prior reviews', 'Dashboard', 'Admin']));
    expect(screen.getByRole('link', { name: 'Admin' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('heading', { name: 'People' })).toBeTruthy();
    expect(screen.getByText('Nobody holds a desk role yet.')).toBeTruthy();
  });

  it('asks /api/me once per sign-in, not again when the token is renewed', async () => {
    const { meCalls } = serve({ triage: true });
    const { rerender } = render(<DeskShell manager={{} as UserManager} user={user(1)} />);
    await waitFor(() => expect(navLabels()).toContain('Board'));
    rerender(<DeskShell manager={{} as UserManager} user={user(2)} />);
    await screen.findByText('No tickets here.');
    expect(meCalls()).toBe(1);
  });
});
