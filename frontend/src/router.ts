// A tiny hash router: "#/queue", "#/tickets/12", "#/intake/3". The server needs no SPA fallback.
import { useEffect, useState } from 'react';

export interface Route {
  name: string;
  params: Record<string, string>;
  query: URLSearchParams;
}

const patterns: [string, RegExp, string[]][] = [
  ['queue', /^\/queue$/, []],
  ['board', /^\/board$/, []],
  ['ticket', /^\/tickets\/(\d+)$/, ['id']],
  ['review', /^\/review$/, []],
  ['publishing', /^\/publishing$/, []],
  ['published', /^\/published$/, []],
  ['intake', /^\/intake$/, []],
  ['article', /^\/intake\/(\d+)$/, ['id']],
  ['prior-reviews', /^\/prior-reviews$/, []],
  ['tips', /^\/tips$/, []],
  ['administration', /^\/admin$/, []],
  ['administration', /^\/admin\/([a-z-]+)$/, ['section']],
  ['search', /^\/search$/, []],
  ['dashboard', /^\/dashboard$/, []],
];

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/queue';
  const [path, search = ''] = raw.split('?');
  for (const [name, re, keys] of patterns) {
    const m = re.exec(path);
    if (m) {
      const params: Record<string, string> = {};
      keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
      return { name, params, query: new URLSearchParams(search) };
    }
  }
  return { name: path === '/' ? 'queue' : 'notfound', params: {}, query: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export const href = (path: string) => `#${path}`;

// Views kept in the URL: a list's filters, sort and page live in the hash query
// ("#/queue?status=OPEN&topic=health&page=2"), so that a view can be shared and the back button
// restores it. Each list reads its view from the route and changes it by navigating (a new
// history entry); it never keeps its own copy.

/** A list's view: each key one or more values (status may repeat); absent keys are defaults. */
export type View = Record<string, string | string[] | undefined>;

/** The view a hash query names (`status=OPEN&status=IN_REVIEW` → `{ status: ['OPEN', 'IN_REVIEW'] }`). */
export function parseView(query: URLSearchParams, multi: readonly string[] = ['status']): View {
  const view: View = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key).map((v) => v.trim()).filter(Boolean);
    if (values.length === 0) continue;
    view[key] = multi.includes(key) ? values : values[values.length - 1];
  }
  return view;
}

/** The hash query of a view, in a stable order (keys sorted), leaving out empty values. */
export function serializeView(view: View): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(view).sort()) {
    const value = view[key];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v != null && v.trim() !== '') params.append(key, v.trim());
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One value of a view (the first, if several). */
export const viewValue = (view: View, key: string): string | undefined => {
  const value = view[key];
  return Array.isArray(value) ? value[0] : value;
};

/** The list values of a view (status). */
export const viewValues = (view: View, key: string): string[] => {
  const value = view[key];
  return value == null ? [] : Array.isArray(value) ? value : [value];
};

/**
 * Shows the view: a new history entry when it differs from the current one. A change of a filter
 * starts again at the first page unless the patch names a page.
 */
export function changeView(path: string, current: View, patch: View): void {
  const next: View = { ...current, ...patch };
  if (!('page' in patch)) delete next.page;
  const target = path + serializeView(next);
  if (window.location.hash.replace(/^#/, '') !== target) navigate(target);
}
