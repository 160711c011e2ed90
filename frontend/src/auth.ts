// Sign-in with Keycloak through oidc-client-ts: authorization code + PKCE, refresh-token renewal.
//
// Tokens live in this tab's memory only (InMemoryWebStorage): no script injected into the page
// later can read them from sessionStorage/localStorage, and nothing outlives the tab. A new tab or
// a reload gets its own tokens without a click by a silent sign-in: a hidden iframe asks Keycloak
// (prompt=none) and, while the Keycloak session lasts, comes back to /silent-renew.html with a code.
// That needs Keycloak's session cookie inside the iframe: browsers that block third-party cookies
// only allow it when Keycloak and the app are the same site (localhost:8180 and localhost:8080 are;
// in production, serve Keycloak under the app's registrable domain, e.g. auth.desk.example and
// desk.example). Where it is blocked, the tab shows the sign-in button (the redirect) as before.
import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

export interface AppConfig {
  oidcAuthority: string;
  oidcClientId: string;
  publicBaseUrl?: string;
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  const response = await fetchImpl('/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Could not load /config.json (${response.status})`);
  const config = (await response.json()) as AppConfig;
  if (!config.oidcAuthority || !config.oidcClientId) throw new Error('/config.json lacks oidcAuthority or oidcClientId');
  return config;
}

/** The page Keycloak returns the silent sign-in's iframe to (frontend/silent-renew.html). */
export const SILENT_REDIRECT_PATH = '/silent-renew.html';

export function createUserManager(config: AppConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: `${origin}/`,
    silent_redirect_uri: `${origin}${SILENT_REDIRECT_PATH}`,
    // An unreachable Keycloak must not hold the start page for long before the sign-in button shows.
    silentRequestTimeoutInSeconds: 5,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // Only a pending sign-in's state (PKCE verifier, nonce) must survive the redirect to Keycloak and
    // back; it stays in this tab's sessionStorage and is removed on return. No tokens there.
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/**
 * Signs a tab in without a click if it can: the user this tab already holds, else a silent sign-in
 * (refresh token if held, else the hidden iframe with prompt=none). Null when Keycloak has no
 * session for this browser: the sign-in page's button then starts the redirect.
 */
export async function resumeSession(manager: Pick<UserManager, 'getUser' | 'signinSilent' | 'removeUser'>): Promise<User | null> {
  const user = await manager.getUser();
  if (user && !user.expired) return user;
  try {
    return await manager.signinSilent();
  } catch {
    // login_required, interaction_required, a timeout: no session to resume.
    await manager.removeUser();
    return null;
  }
}

/** True when the page was opened by the identity provider's redirect (`?code=…&state=…` or an error). */
export function isCallback(search: string): boolean {
  const params = new URLSearchParams(search);
  return (params.has('code') || params.has('error')) && params.has('state');
}

/** Completes a sign-in redirect, then removes the code from the address bar and returns to the screen the person was on. */
export async function completeSignIn(manager: UserManager): Promise<User | null> {
  try {
    const user = await manager.signinRedirectCallback();
    const state = user.state as { hash?: string } | undefined;
    window.history.replaceState(null, '', `${window.location.pathname}${state?.hash ?? '#/queue'}`);
    return user;
  } catch (e) {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
    throw e;
  }
}

export interface Identity {
  subject: string;
  username: string;
  name: string;
  roles: string[];
}

/**
 * The access token the API client and the event stream send, read when each request goes out; the
 * desk sets it when silent renew replaces the user.
 */
export class CurrentToken {
  constructor(private value: string) {}

  readonly get = (): string => this.value;

  set(value: string): void {
    this.value = value;
  }
}

/** The payload of a JWT, without checking it (the server checks; this only decides what to show). */
export function decodeJwt(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function identityOf(user: Pick<User, 'access_token' | 'profile'>): Identity {
  const claims = decodeJwt(user.access_token);
  const realm = claims.realm_access as { roles?: unknown } | undefined;
  const roles = Array.isArray(realm?.roles) ? realm.roles.filter((r): r is string => typeof r === 'string') : [];
  const profile = user.profile ?? {};
  const subject = String(claims.sub ?? profile.sub ?? '');
  const username = String(claims.preferred_username ?? profile.preferred_username ?? subject);
  const name = String(claims.name ?? profile.name ?? username);
  return { subject, username, name, roles };
}
