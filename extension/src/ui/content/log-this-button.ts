import { useEffect, useId, useState } from 'react';
import { formatRelative } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messages';
import type { ThreadStatus } from '../../lib/outbox/thread-status';
import { useT } from '../use-t';

type Props = {
  /** The thread key of the page's conversation, when it could be read without the user asking. */
  threadKey: string | null;
  onClick: () => void;
  /** Bumped after a save, to re-read the status. */
  refresh: number;
};

/** The in-page "Log this" button, with "Logged N messages, <when>" beside it once the thread is logged. */
export function LogThisButton({ threadKey, onClick, refresh }: Props) {
  const { t, lang } = useT();
  const [status, setStatus] = useState<ThreadStatus | null>(null);
  const statusId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is bumped after a save, to read the status again.
  useEffect(() => {
    if (!threadKey) return setStatus(null);
    void sendToBackground('thread-status', { threadKey }).then(setStatus, () => setStatus(null));
  }, [threadKey, refresh]);

  const logged = status && status.count > 0 && status.lastLoggedAt ? status : null;
  return (
    <span className="cl-inline">
      <button
        type="button"
        className="cl-log-button"
        onClick={onClick}
        aria-describedby={logged ? statusId : undefined}
      >
        {t('logThis')}
      </button>
      {logged ? (
        <span id={statusId} className="cl-logged" role="status">
          {t('alreadyLogged', logged.count, formatRelative(lang, logged.lastLoggedAt!, new Date()))}
        </span>
      ) : null}
    </span>
  );
}
