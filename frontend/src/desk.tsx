// What every screen needs: the API client, live events, who is signed in and what they may do on
// the desk, the desk's zone, people and ratings.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
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

/** Loads data; reload() refetches and keeps showing the old data meanwhile (no flicker on live updates). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!cancelled) {
          setData(value);
          setError(null);
          setLoading(false);
        }
      },
      (e: unknown) => {
        if (!cancelled) {
          setError(e instanceof Error ? e : new Error(String(e)));
          setLoading(false);
        }
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** Refetches when the event stream (re)connects or an event for a relevant ticket arrives. */
export function useLiveRefetch(relevant: (event: TicketEvent) => boolean, refetch: () => void): void {
  const { live } = useDesk();
  const relevantRef = useRef(relevant);
  relevantRef.current = relevant;
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;
  useEffect(
    () => refetchOn(live, (e) => relevantRef.current(e), () => refetchRef.current()),
    [live],
  );
}
