import { useEffect, useId } from 'react';
import type { CapturedThread } from '@comms-log/shared';
import { useT } from '../use-t';
import { ThreadForm } from './thread-form';

/** What the panel shows: a thread to log, or why there is none (a page the adapter cannot read is said by the button). */
export type PanelContent =
  | { kind: 'thread'; thread: CapturedThread; neverLogRemoved: number }
  | { kind: 'no-thread' }
  | { kind: 'all-never-log' };

type Props = { content: PanelContent; onClose: () => void; onSaved: () => void };

/** The Log-this panel (in its own page, panel-app.tsx): the thread's form, or why there is nothing to log. Escape closes it. */
export function LogPanel({ content, onClose, onSaved }: Props) {
  const { t } = useT();
  const titleId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  return (
    <div className="cl-panel" role="dialog" aria-labelledby={titleId}>
      <div className="cl-panel-head">
        <h2 id={titleId} className="cl-title">
          {t('panelTitle')}
        </h2>
        <button type="button" className="cl-icon" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      {content.kind === 'thread' ? (
        <ThreadForm
          thread={content.thread}
          neverLogRemoved={content.neverLogRemoved}
          labelledBy={titleId}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : (
        <p className="cl-error" role="alert">
          {content.kind === 'all-never-log' ? t('allNeverLog') : t('noThread')}
        </p>
      )}
    </div>
  );
}
