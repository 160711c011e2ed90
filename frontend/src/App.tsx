import { Suspense, lazy, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { User, UserManager } from 'oidc-client-ts';
import { Api } from './api';
import { CurrentToken, completeSignIn, createUserManager, identityOf, isCallback, loadConfig, resumeSession, type Identity } from './auth';
import { ErrorBox, Spinner } from './components';
import { DeskContext, type Desk } from './desk';
import { LiveEvents } from './events';
import { NO_PERMISSIONS, navFor } from './nav';
import { NotificationBell } from './Notifications';
import { href, useRoute } from './router';
import { Board, ListScreen, Queue } from './screens/Queue';
import { TicketScreen } from './screens/ticket/TicketScreen';
import { ArticleScreen, IntakeScreen } from './screens/Intake';
import { PriorReviewsScreen } from './screens/PriorReviews';
import { TipsScreen } from './screens/Tips';
import { AdminScreen } from './screens/admin/Admin';
import { HeaderSearch, SearchScreen } from './screens/Search';
import { Shortcuts } from './shortcuts';

// The dashboard brings the chart library: loaded when first opened, not with every screen.
const DashboardScreen = lazy(() => import('./screens/dashboard/Dashboard'));
import type { DeskPermissions, Person, RatingScale } from './types';

/** The desk's roles, to tell people which they hold (display only: decisions come from the server). */
const DESK_ROLE_NAMES = ['factchecker', 'reviewer', 'editor', 'admin'];

type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; error: Error; manager?: UserManager }
  | { phase: 'signed-out'; manager: UserManager }
  | { phase: 'signed-in'; manager: UserManager; user: User };

/** Reads /config.json, handles the sign-in redirect, and shows the desk or the sign-in page. */
export function Root() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });

  useEffect(() => {
    let manager: UserManager | undefined;
    (async () => {
      const config = await loadConfig();
      manager = createUserManager(config);
      manager.events.addUserLoaded((user) => setBoot({ phase: 'signed-in', manager: manager!, user }));
      manager.events.addUserSignedOut(() => setBoot({ phase: 'signed-out', manager: manager! }));
      manager.events.addSilentRenewError(() => {
        // refresh failed (session ended at Keycloak): ask to sign in again when the token expires
      });
      manager.events.addAccessTokenExpired(() => setBoot({ phase: 'signed-out', manager: manager! }));
      if (isCallback(window.location.search)) {
        const user = await completeSignIn(manager);
        if (user) return setBoot({ phase: 'signed-in', manager, user });
      }
      const user = await resumeSession(manager);
      setBoot(user ? { phase: 'signed-in', manager, user } : { phase: 'signed-out', manager });
    })().catch((e: unknown) => setBoot({ phase: 'failed', error: e instanceof Error ? e : new Error(String(e)), manager }));
  }, []);

  if (boot.phase === 'loading') return <main className="centered"><Spinner label="Starting Factdesk…" /></main>;
  if (boot.phase === 'failed' || boot.phase === 'signed-out') {
    const manager = boot.manager;
    return (
      <main className="centered signin">
        <h1>Factdesk</h1>
        <p>The desk for collaborative fact-checking.</p>
        {boot.phase === 'failed' && <ErrorBox error={`Sign-in failed: ${boot.error.message}`} />}
        {manager && (
          <button className="primary" onClick={() => void manager.signinRedirect({ state: { hash: window.location.hash || '#/queue' } })}>
            Sign in
          </button>
        )}
      </main>
    );
  }
  return <DeskShell manager={boot.manager} user={boot.user} />;
}

/** The signed-in desk: loads what every screen needs once, then routes. */
export function DeskShell({ manager, user }: { manager: UserManager; user: User }) {
  const me: Identity = useMemo(() => identityOf(user), [user]);
  // Always the freshest token (silent renew replaces the user), set before any screen's effect runs.
  const [token] = useState(() => new CurrentToken(user.access_token));
  useLayoutEffect(() => token.set(user.access_token), [token, user.access_token]);
  const [api] = useState(() => new Api(token.get));
  const [live] = useState(() => new LiveEvents({ token: token.get }));
  const [liveState, setLiveState] = useState(live.state);
  const [permissions, setPermissions] = useState<DeskPermissions>(NO_PERMISSIONS);
  const [timeZone, setTimeZone] = useState('UTC');
  const [people, setPeople] = useState<Person[]>([]);
  const [scale, setScale] = useState<RatingScale | null>(null);
  const [deskError, setDeskError] = useState<Error | null>(null);

  useEffect(() => {
    const off = live.onState(setLiveState);
    live.start();
    return () => {
      off();
      live.stop();
    };
  }, [live]);

  useEffect(() => {
    // Once per sign-in: the desk permissions change only with the token's roles.
    api.me().then((m) => setPermissions(m.permissions), setDeskError);
    api.settings().then((s) => setTimeZone(s.timeZone), setDeskError);
    api.people().then((p) => setPeople(p.items), () => undefined);
    api.ratingScales().then((scales) => setScale(scales.find((s) => s.active) ?? null), () => undefined);
  }, [api]);

  const signOut = () => {
    live.stop();
    void manager.signoutRedirect().catch(() => manager.removeUser().then(() => window.location.reload()));
  };

  const desk: Desk = { api, live, me, permissions, timeZone, people, scale, signOut };
  const route = useRoute();
  const nav = navFor(permissions);

  let screen;
  switch (route.name) {
    case 'queue': screen = <Queue />; break;
    case 'board': screen = <Board />; break;
    case 'ticket': screen = <TicketScreen key={route.params.id} id={Number(route.params.id)} />; break;
    case 'review': screen = <ListScreen kind="review" />; break;
    case 'publishing': screen = <ListScreen kind="publishing" />; break;
    case 'published': screen = <ListScreen kind="published" />; break;
    case 'intake': screen = <IntakeScreen />; break;
    case 'article': screen = <ArticleScreen key={route.params.id} id={Number(route.params.id)} />; break;
    case 'prior-reviews': screen = <PriorReviewsScreen />; break;
    case 'tips': screen = <TipsScreen route={route} />; break;
    case 'administration': screen = <AdminScreen section={route.params.section} />; break;
    case 'search': screen = <SearchScreen route={route} />; break;
    case 'dashboard': screen = <Suspense fallback={<Spinner />}><DashboardScreen route={route} /></Suspense>; break;
    default: screen = <section><h1>Not found</h1><p><a href={href('/queue')}>Back to the queue</a></p></section>;
  }
  const current = '/' + (window.location.hash.replace(/^#\//, '').split(/[/?]/)[0] || 'queue');

  return (
    <DeskContext.Provider value={desk}>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header className="topbar">
        <a className="brand" href={href('/queue')}>Factdesk</a>
        <nav aria-label="Main">
          <ul>
            {nav.map((item) => {
              const active = current === item.path || (item.path === '/queue' && current === '/tickets') || (item.path === '/intake' && current === '/intake');
              return (
                <li key={item.path}>
                  <a href={href(item.path)} aria-current={active ? 'page' : undefined}>{item.label}</a>
                </li>
              );
            })}
          </ul>
        </nav>
        <HeaderSearch />
        <div className="who">
          <span className={`live live-${liveState}`} role="status" title="Live updates">
            {liveState === 'live' ? 'Live' : liveState === 'connecting' ? 'Connecting…' : 'Offline, retrying'}
          </span>
          <NotificationBell />
          <span className="me">{me.name} <span className="muted">({me.roles.filter((r) => DESK_ROLE_NAMES.includes(r)).join(', ') || 'no desk role'})</span></span>
          <button onClick={signOut}>Sign out</button>
        </div>
      </header>
      <Shortcuts nav={nav} />
      <main id="main" tabIndex={-1}>
        {deskError && <ErrorBox error={deskError} />}
        {screen}
      </main>
    </DeskContext.Provider>
  );
}
