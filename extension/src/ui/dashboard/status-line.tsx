import type { StoredError } from '../../lib/api/error';
import { errorText } from '../labels';
import type { T } from '../use-t';

/** "Loading…" or the error in plain words, announced to screen readers; nothing once loaded. */
export function StatusLine({
  t,
  loading,
  error,
  what,
}: {
  t: T;
  loading: boolean;
  error: StoredError | null;
  what: string;
}) {
  if (error) {
    return (
      <p role="alert" className="pg-error">
        {t('dashLoadFailed', what, errorText(t, error))}
      </p>
    );
  }
  if (loading) {
    return (
      <p role="status" className="pg-muted">
        {t('dashLoading', what)}
      </p>
    );
  }
  return null;
}
