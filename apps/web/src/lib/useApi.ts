import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
  setData(updater: T | ((prev: T | undefined) => T)): void;
}

/** Loads data for a view; reruns when deps change; ignores answers that arrive after a newer request. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): ApiState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  // The latest loader, so `reload()` uses the current closure.
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  const run = useCallback(async () => {
    const my = ++seq.current;
    const ctrl = new AbortController();
    setLoading(true);
    try {
      const result = await loadRef.current(ctrl.signal);
      if (my === seq.current) {
        setDataState(result);
        setError(undefined);
      }
    } catch (e) {
      if (my === seq.current && (e as Error)?.name !== 'AbortError') setError(e);
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    // Starting a request marks the view as loading; its answer arrives later, asynchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void run();
    const requests = seq;
    return () => {
      // Any answer still on its way belongs to the old deps: ignore it.
      requests.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when to reload
  }, deps);

  const setData = useCallback((updater: T | ((prev: T | undefined) => T)) => {
    setDataState((prev) =>
      typeof updater === 'function' ? (updater as (p: T | undefined) => T)(prev) : updater,
    );
  }, []);

  return { data, error, loading, reload: run, setData };
}
