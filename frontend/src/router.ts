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
  ['administration', /^\/admin$/, []],
  ['administration', /^\/admin\/([a-z-]+)$/, ['section']],
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
