import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../lib/api/client';
import { toStoredError, type StoredError } from '../../lib/api/error';
import { withApi } from '../../lib/api/session';

/** One page of a cursor-paged list; `total` when the procedure counts every page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/**
 * A cursor-paged list, a page at a time from the first: asked again from the start whenever `key` (a JSON string of
 * the list's inputs) changes or `reload` is called; answers to superseded requests are dropped.
 */
export function useCursorList<T>(
  key: string,
  page: (client: ApiClient, cursor: string | null) => Promise<CursorPage<T>>,
) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<StoredError | null>(null);
  const [tick, setTick] = useState(0);
  const pageRef = useRef(page);
  pageRef.current = page;
  const request = useRef(0);

  const load = useCallback(async (from: string | null) => {
    const mine = ++request.current;
    setLoading(true);
    setError(null);
    try {
      const p = await withApi((c) => pageRef.current(c, from));
      if (mine !== request.current) return;
      setItems((prev) => (from ? [...prev, ...p.items] : p.items));
      setTotal(p.total ?? null);
      setCursor(p.nextCursor);
    } catch (e) {
      if (mine === request.current) setError(toStoredError(e));
    } finally {
      if (mine === request.current) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `tick` are what asks for the list again
  useEffect(() => {
    void load(null);
  }, [key, tick, load]);

  return {
    items,
    total,
    cursor,
    loading,
    error,
    loadMore: () => void load(cursor),
    reload: useCallback(() => setTick((n) => n + 1), []),
  };
}
