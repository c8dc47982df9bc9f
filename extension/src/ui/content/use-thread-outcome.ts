import { useEffect, useState } from 'react';
import { toStoredError, type StoredError } from '../../lib/api/error';
import { sendToBackground } from '../../lib/messages';
import { queueThreadOutcome } from '../../lib/outbox/evaluation-requests';
import { resolutionTimeProblem, type ResolutionTimeProblem } from '../../lib/outbox/outcome-time';
import type { ThreadOutcomeState } from '../../lib/outbox/thread-outcomes';

export type OutcomeFailure = { kind: 'time'; problem: ResolutionTimeProblem } | { kind: 'error'; error: StoredError };

/**
 * The thread's resolved state in this browser (read again whenever `refreshKey` changes, e.g. after a log), and
 * resolving or reopening it through the outbox. A resolution's time is checked first, so a bad one is explained
 * and nothing is queued.
 */
export function useThreadOutcome(threadKey: string, refreshKey: unknown) {
  const [state, setState] = useState<ThreadOutcomeState | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<OutcomeFailure | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `refreshKey` (a log just saved) is the signal to read again.
  useEffect(() => {
    let live = true;
    sendToBackground('outcome-states', { threadKeys: [threadKey] }).then(
      (states) => live && setState(states[threadKey] ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [threadKey, refreshKey]);

  async function record(event: 'resolved' | 'reopened', atIso: string, note: string): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    try {
      const trimmed = note.trim();
      const answer = await queueThreadOutcome({ threadKey, event, at: atIso, ...(trimmed ? { note: trimmed } : {}) });
      setState(answer.state);
      return true;
    } catch (err) {
      setFailure({ kind: 'error', error: toStoredError(err) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** `atMs` as the form read it (NaN when blank). */
  async function resolve(atMs: number, note: string): Promise<boolean> {
    const firstAtMs = state?.firstAt ? Date.parse(state.firstAt) : null;
    const problem = resolutionTimeProblem(atMs, firstAtMs, Date.now());
    if (problem) {
      setFailure({ kind: 'time', problem });
      return false;
    }
    return record('resolved', new Date(atMs).toISOString(), note);
  }

  const reopen = () => record('reopened', new Date().toISOString(), '');
  return { state, busy, failure, resolve, reopen };
}
