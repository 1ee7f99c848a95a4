/** Loads data for a component: re-runs when `deps` change, aborts stale requests. */
import { useCallback, useEffect, useState, type DependencyList } from 'react';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
  readonly setData: (data: T) => void;
}

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T> | null, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    const p = load(ctl.signal);
    if (p === null) {
      setLoading(false);
      return () => ctl.abort();
    }
    setLoading(true);
    setError(undefined);
    p.then(
      (d) => {
        if (!ctl.signal.aborted) {
          setData(d);
          setLoading(false);
        }
      },
      (e: unknown) => {
        if (!ctl.signal.aborted) {
          setError(e);
          setLoading(false);
        }
      },
    );
    return () => ctl.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}
