import { useState } from 'react';
import type { Stakeholder, Suggestion } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { useDashboard } from '../dashboard-context';
import { useApiQuery } from '../use-api-query';

const PAGE = 50;

/**
 * The queue of unknown counterparts, page by page ("load more" pages stay until the first page is asked again), and
 * what a manager does with one: assign it to a stakeholder, dismiss it, or undo the last dismissal.
 */
export function useSuggestions(version: number, stakeholders: Stakeholder[], onAssigned: (message: string) => void) {
  const { t, dataVersion } = useDashboard();
  const [tick, setTick] = useState(0);
  const first = useApiQuery(JSON.stringify(['suggestions', version, dataVersion, tick]), (c) =>
    c.directory.suggestions.query({ limit: PAGE }),
  );
  const [loaded, setMore] = useState<{ after: unknown; items: Suggestion[]; cursor: string | null } | null>(null);
  const more = loaded && loaded.after === first.data ? loaded : null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StoredError | null>(null);
  const [dismissed, setDismissed] = useState<Suggestion | null>(null);

  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  const nameOf = (id: string | null) => (id ? (stakeholders.find((s) => s.id === id)?.name ?? null) : null);
  const reload = () => setTick((n) => n + 1);
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };

  const actions = {
    loadMore: () =>
      act(async () => {
        const page = await withApi((c) => c.directory.suggestions.query({ limit: PAGE, cursor: nextCursor }));
        setMore({ after: first.data, items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
      }),
    assign: (s: Suggestion, stakeholderId: string, done: () => void) =>
      act(async () => {
        const res = await withApi((c) =>
          c.directory.assignHandle.mutate({ kind: s.kind, value: s.value, stakeholderId }),
        );
        done();
        setDismissed(null);
        onAssigned(t('dashAssigned', s.value, nameOf(stakeholderId) ?? stakeholderId, res.assigned));
        reload();
      }),
    dismiss: (s: Suggestion) =>
      act(async () => {
        await withApi((c) => c.directory.dismissHandle.mutate({ kind: s.kind, value: s.value }));
        setDismissed(s);
        reload();
      }),
    undo: (s: Suggestion) =>
      act(async () => {
        await withApi((c) => c.directory.undismissHandle.mutate({ kind: s.kind, value: s.value }));
        setDismissed(null);
        reload();
      }),
  };
  return { first, items, nextCursor, busy, error, dismissed, nameOf, ...actions };
}
