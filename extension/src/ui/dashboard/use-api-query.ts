import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../lib/api/client';
import { toStoredError, type StoredError } from '../../lib/api/error';
import { withApi } from '../../lib/api/session';

export interface ApiQuery<T> {
  data: T | undefined;
  error: StoredError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `run` against the configured server whenever `key` changes (a JSON string of its inputs), keeping the
 * last data while a new answer is on its way; answers to superseded keys are dropped. `key: null` skips.
 */
export function useApiQuery<T>(key: string | null, run: (client: ApiClient) => Promise<T>): ApiQuery<T> {
  const [state, setState] = useState<{ data: T | undefined; error: StoredError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: key !== null,
  });
  const [tick, setTick] = useState(0);
  const runRef = useRef(run);
  runRef.current = run;
  // What to ask: the key, and how many reloads were asked for (a reload asks the same key again).
  const request = key === null ? null : `${tick}:${key}`;
  useEffect(() => {
    if (request === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    withApi((c) => runRef.current(c)).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => live && setState((s) => ({ ...s, error: toStoredError(e), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [request]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
