import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Root } from './App';
import { decodeJwt, identityOf, isCallback } from './auth';

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
