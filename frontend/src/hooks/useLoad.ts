import { useCallback, useEffect, useEffectEvent, useState, type DependencyList } from 'react';

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
