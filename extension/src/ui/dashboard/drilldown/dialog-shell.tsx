import { useEffect, useRef, type ReactNode } from 'react';
import { useDashboard } from '../dashboard-context';
import './drilldown.css';

/**
 * A modal list over the dashboard, named by its title: Close takes the focus when it opens, and Escape, Close or a
 * click beside it closes it.
 */
export function DialogShell({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const { t } = useDashboard();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => closeRef.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="dash-backdrop">
      {/* A click beside the dialog closes it; from the keyboard, Escape and Close do. */}
      <div className="dash-backdrop-hit" aria-hidden="true" onClick={onClose} />
      <div role="dialog" aria-modal="true" aria-label={title} className="dash-dialog">
        <header className="dash-dialog-head">
          <h2>{title}</h2>
          <button ref={closeRef} type="button" className="pg-button" onClick={onClose}>
            {t('close')}
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
