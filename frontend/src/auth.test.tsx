import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Root } from './App';
import type { User, UserManager } from 'oidc-client-ts';
import { createUserManager, decodeJwt, identityOf, isCallback, resumeSession } from './auth';

function b64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const jwt = (payload: unknown) => `${b64url({ alg: 'RS256' })}.${b64url(payload)}.sig`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('auth helpers', () => {
  it('recognises the redirect back from Keycloak', () => {
    expect(isCallback('?state=abc&session_state=x&code=123')).toBe(true);
    expect(isCallback('?error=access_denied&state=abc')).toBe(true);
    expect(isCallback('?code=123')).toBe(false);
    expect(isCallback('')).toBe(false);
  });

  it('reads subject, names and realm roles from the access token (UTF-8 names too)', () => {
    const token = jwt({ sub: 'f1e2', preferred_username: 'erin', name: 'Erin Ömür 😀', realm_access: { roles: ['factchecker', 'default-roles-factdesk', 42] } });
    expect(decodeJwt(token).sub).toBe('f1e2');
    expect(identityOf({ access_token: token, profile: {} as never })).toEqual({
      subject: 'f1e2', username: 'erin', name: 'Erin Ömür 😀', roles: ['factchecker', 'default-roles-factdesk'],
    });
  });

  it('has no roles when the token has none or is garbage', () => {
    expect(identityOf({ access_token: 'not-a-jwt', profile: { sub: 's', preferred_username: 'u' } as never }).roles).toEqual([]);
  });
});

type Session = Pick<UserManager, 'getUser' | 'signinSilent' | 'removeUser'>;

function session(held: Partial<User> | null, silent: () => Promise<User | null>) {
  return {
    getUser: vi.fn(async () => held as User | null),
    signinSilent: vi.fn(silent),
    removeUser: vi.fn(async () => undefined),
  } satisfies Session;
}

describe('a new tab signs in', () => {
  it('with the user this tab holds while it is valid, asking Keycloak nothing', async () => {
    const held = { access_token: 'a', expired: false } as Partial<User>;
    const manager = session(held, async () => null);
    expect(await resumeSession(manager)).toBe(held);
    expect(manager.signinSilent).not.toHaveBeenCalled();
  });

  it('silently first, when Keycloak still has a session', async () => {
    const renewed = { access_token: 'fresh' } as User;
    const manager = session(null, async () => renewed);
    expect(await resumeSession(manager)).toBe(renewed);
    expect(manager.signinSilent).toHaveBeenCalledTimes(1);
  });

  it('silently when the held token has expired too', async () => {
    const renewed = { access_token: 'fresh' } as User;
    const manager = session({ access_token: 'old', expired: true }, async () => renewed);
    expect(await resumeSession(manager)).toBe(renewed);
  });

  it('falls back to the sign-in page (the redirect) when Keycloak has no session', async () => {
    const manager = session(null, async () => {
      throw new Error('login_required');
    });
    expect(await resumeSession(manager)).toBeNull();
    expect(manager.removeUser).toHaveBeenCalled();
  });

  it('keeps tokens in memory only, and comes back silently to the app’s own page', async () => {
    sessionStorage.clear();
    localStorage.clear();
    const manager = createUserManager({ oidcAuthority: 'http://localhost:8180/realms/factdesk', oidcClientId: 'factdesk-web' });
    expect(manager.settings.silent_redirect_uri).toBe(`${window.location.origin}/silent-renew.html`);
    expect(manager.settings.automaticSilentRenew).toBe(true);
    const profile = { sub: 's', iss: 'i', aud: 'factdesk-web', exp: 0, iat: 0 };
    const { User: UserClass } = await import('oidc-client-ts');
    await manager.storeUser(new UserClass({ access_token: 'secret-access', refresh_token: 'secret-refresh', token_type: 'Bearer', profile, expires_at: Math.floor(Date.now() / 1000) + 300 }));
    expect((await manager.getUser())?.access_token).toBe('secret-access');
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
    // A second manager (a new tab, a reload) starts with nothing.
    expect(await createUserManager({ oidcAuthority: 'http://localhost:8180/realms/factdesk', oidcClientId: 'factdesk-web' }).getUser()).toBeNull();
  });
});

describe('Root', () => {
  it('reads /config.json at start-up and offers to sign in', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ oidcAuthority: 'http://localhost:8180/realms/factdesk', oidcClientId: 'factdesk-web', publicBaseUrl: 'http://localhost:8080' }), { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    render(<Root />);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toBe('/config.json');
  });

  it('says so when the configuration cannot be loaded', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('nope', { status: 500 })));
    render(<Root />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/config\.json/);
  });
});
