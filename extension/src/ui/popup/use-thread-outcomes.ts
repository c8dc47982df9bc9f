import { useEffect, useMemo, useState } from 'react';
import type { OverdueItem, ThreadOutcomeKind } from '@comms-log/shared';
import { toStoredError } from '../../lib/api/error';
import { sendToBackground } from '../../lib/messages';
import type { ThreadOutcomeState } from '../../lib/outbox/thread-outcomes';
import { errorText } from '../labels';
import type { T } from '../use-t';

/** How many of the listed waits' threads are asked about at once (the background reads no more). */
const MAX_THREADS = 200;

/**
 * The listed waits' threads as resolved or not (from the outcomes queued or synced in this browser), and resolving
 * or reopening one now through the outbox. The check against the shared schema is loaded only then, so the popup's
 * first paint does not carry zod.
 */
export function useThreadOutcomes(t: T, waits: readonly OverdueItem[] | undefined) {
  const keys = useMemo(() => {
    const all = (waits ?? []).flatMap((i) => (i.kind === 'wait' ? [i.threadKey] : []));
    return [...new Set(all)].slice(0, MAX_THREADS);
  }, [waits]);
  const keyList = keys.join('\n');
  const [states, setStates] = useState<Record<string, ThreadOutcomeState>>({});
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `keyList` stands for `keys`, which is a new array on every list.
  useEffect(() => {
    if (keys.length === 0) return;
    let live = true;
    sendToBackground('outcome-states', { threadKeys: keys }).then(
      (found) => live && setStates((s) => ({ ...s, ...found })),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [keyList]);

  async function onOutcome(threadKey: string, event: ThreadOutcomeKind): Promise<void> {
    setError(null);
    try {
      const { queueThreadOutcome } = await import('../../lib/outbox/evaluation-requests');
      const { state } = await queueThreadOutcome({ threadKey, event, at: new Date().toISOString() });
      setStates((s) => ({ ...s, [threadKey]: state }));
    } catch (err) {
      setError(t('resolveFailed', errorText(t, toStoredError(err))));
    }
  }
  return { states, error, onOutcome };
}
