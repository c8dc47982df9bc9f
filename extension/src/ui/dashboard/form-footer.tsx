import type { StoredError } from '../../lib/api/error';
import { errorText } from '../labels';
import { useDashboard } from './dashboard-context';

/** The end of a dashboard form: the server's refusal in plain words, then Cancel and the submit button. */
export function FormFooter(props: {
  error: StoredError | null;
  busy: boolean;
  onCancel(): void;
  /** The submit button's text when not busy (default "Save"). */
  submitLabel?: string;
}) {
  const { t } = useDashboard();
  return (
    <>
      {props.error && (
        <p role="alert" className="pg-error">
          {errorText(t, props.error)}
        </p>
      )}
      <div className="pg-actions">
        <button type="button" className="pg-button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="pg-button pg-primary" disabled={props.busy}>
          {props.busy ? t('saving') : (props.submitLabel ?? t('save'))}
        </button>
      </div>
    </>
  );
}
