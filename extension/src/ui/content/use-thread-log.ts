import { useEffect, useState } from 'react';
import type { CapturedThread, StakeholderType } from '@comms-log/shared';
import type { StoredError } from '../../lib/api/error';
import { counterpartHandle, threadExternalIds } from '../../lib/capture/thread-to-interactions';
import { sendToBackground, type LogThreadRequest } from '../../lib/messages';
import type { PickedStakeholder } from '../stakeholder-picker';

/** How many of the thread's messages are not logged yet; null until the background has answered. */
export function useNewCount(thread: CapturedThread): number | null {
  const [newCount, setNewCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const threadKey = `${thread.site}:${thread.threadId}`;
    void sendToBackground('thread-status', { threadKey }).then(
      (status) => {
        if (!live) return;
        const logged = new Set(status.externalIds);
        setNewCount(threadExternalIds(thread).filter((id) => !logged.has(`${thread.site}:${id}`)).length);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [thread]);
  return newCount;
}

/**
 * Who the thread is with: the directory's stakeholder for the counterpart's handle (then `prefilled`, and the type
 * is theirs), else a new stakeholder named after the sender. Picking an existing one takes its type too.
 */
export function useStakeholderChoice(thread: CapturedThread, suggestedName: string) {
  const [picked, setPicked] = useState<PickedStakeholder>(null);
  const [type, setType] = useState<StakeholderType>('customer');
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    const counterpart = counterpartHandle(thread);
    if (!counterpart) {
      setPicked(null);
      return;
    }
    let live = true;
    void sendToBackground('match-handles', { handles: [counterpart] }).then(
      ([match]) => {
        if (!live) return;
        if (match?.stakeholder) {
          setPicked({ kind: 'existing', stakeholder: match.stakeholder });
          setType(match.stakeholder.type);
          setPrefilled(true);
        } else {
          setPicked({ kind: 'new', name: suggestedName });
        }
      },
      () => live && setPicked({ kind: 'new', name: suggestedName }),
    );
    return () => {
      live = false;
    };
  }, [thread, suggestedName]);
  const pick = (value: PickedStakeholder) => {
    setPicked(value);
    if (value?.kind === 'existing') setType(value.stakeholder.type);
  };
  return { picked, pick, type, setType, prefilled };
}

export type LogState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; added: number }
  | { kind: 'error'; error: StoredError };

/**
 * Sends the thread to the background's log; once saved, says how many messages were new. The panel stays open so
 * the thread can be marked resolved at once (ResolveSection).
 */
export function useLogThread(onSaved: () => void) {
  const [state, setState] = useState<LogState>({ kind: 'idle' });
  async function log(request: LogThreadRequest) {
    setState({ kind: 'saving' });
    try {
      const result = await sendToBackground('log-thread', request);
      setState({ kind: 'saved', added: result.added });
      onSaved();
    } catch (err) {
      setState({
        kind: 'error',
        error: {
          code: (err as { code?: StoredError['code'] }).code ?? 'unknown',
          detail: (err as { detail?: string }).detail ?? String(err),
        },
      });
    }
  }
  return { state, log };
}
