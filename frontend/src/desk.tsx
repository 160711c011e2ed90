// What every screen needs: the API client, live events, who is signed in and what they may do on
// the desk, the desk's zone, people and ratings.
import { createContext, useCallback, useContext, useEffect, useEffectEvent, useState, type DependencyList } from 'react';
import type { Api } from './api';
import type { Identity } from './auth';
import { refetchOn, type LiveEvents } from './events';
import type { DeskPermissions, Person, RatingScale, TicketEvent } from './types';

export interface Desk {
  api: Api;
  live: LiveEvents;
  me: Identity;
  /** From GET /api/me; nothing granted until it has answered. */
  permissions: DeskPermissions;
  timeZone: string;
  people: Person[];
  scale: RatingScale | null;
  signOut: () => void;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskContext');
  return desk;
}

/** A person's display name from their subject, falling back to the subject itself. */
export function usePersonName(): (subject: string | null | undefined) => string {
  const { people, me } = useDesk();
  return useCallback(
    (subject) => {
      if (!subject) return 'nobody';
      if (subject === 'system') return 'system';
      const person = people.find((p) => p.subject === subject);
      if (person) return person.name || person.username;
      if (subject === me.subject) return me.name;
      return subject.length > 12 ? `${subject.slice(0, 8)}…` : subject;
    },
    [people, me],
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data; reload() refetches and keeps showing the old data meanwhile (no flicker on live updates).
 * `deps` work as useEffect's: exhaustive-deps checks them at each call (eslint.config.js names useLoad).
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [tick, setTick] = useState(0);
  const request = [...deps, tick];
  // What the last settled load answered: loading until it answers the current deps and tick.
  const [settled, setSettled] = useState<Settled<T>>({ request: null, data: undefined, error: null });
  const loadLatest = useEffectEvent(load);
  useEffect(() => {
    let cancelled = false;
    loadLatest().then(
      (data) => {
        if (!cancelled) setSettled({ request, data, error: null });
      },
      (e: unknown) => {
        if (!cancelled) setSettled((s) => ({ request, data: s.data, error: e instanceof Error ? e : new Error(String(e)) }));
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked at each useLoad call
  }, request);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const loading = settled.request === null || !sameDeps(settled.request, request);
  return { data: settled.data, error: settled.error, loading, reload };
}

interface Settled<T> {
  request: DependencyList | null;
  data: T | undefined;
  error: Error | null;
}

/** The same comparison React makes between two dependency lists. */
function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/** Refetches when the event stream (re)connects or an event for a relevant ticket arrives. */
export function useLiveRefetch(relevant: (event: TicketEvent) => boolean, refetch: () => void): void {
  const { live } = useDesk();
  const isRelevant = useEffectEvent(relevant);
  const refetchLatest = useEffectEvent(refetch);
  useEffect(() => refetchOn(live, (e) => isRelevant(e), () => refetchLatest()), [live]);
}
