import { DateTime } from 'luxon';
import { useState } from 'react';
import { ulid } from 'ulid';
import type { StoredError } from '../../lib/api/error';
import type { CoveragePrefill } from '../../lib/coverage/prefill';
import type { MessageKey } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messages';
import { queueCoverage } from '../../lib/outbox/evaluation-requests';
import { errorText } from '../labels';
import type { PickedStakeholder } from '../stakeholder-picker';
import type { T } from '../use-t';
import { checkCoverage, type CoverageFields, type FieldErrors } from './check-coverage';

export type SaveState =
  | { kind: 'idle' | 'saving' }
  | { kind: 'saved'; note: MessageKey }
  | { kind: 'invalid' }
  | { kind: 'error'; message: string };

function initialFields(prefill: CoveragePrefill): CoverageFields {
  return {
    title: prefill.title,
    url: prefill.url,
    // datetime-local shows the browser's zone, as the reader's clock.
    published: prefill.publishedAt ? DateTime.fromISO(prefill.publishedAt).toFormat("yyyy-MM-dd'T'HH:mm") : '',
    tone: 'none',
    reach: '',
    eventTag: '',
    clarified: '',
  };
}

/** What to say once the item is in the outbox: it syncs, or why it waits. */
async function savedNote(): Promise<MessageKey> {
  const status = await sendToBackground('get-status', {}).catch(() => null);
  if (status && !status.configured) return 'covSavedNotConfigured';
  if (status?.lastError?.code === 'network') return 'covSavedOffline';
  return 'covSaved';
}

/**
 * The coverage form's state. Save checks the fields with the shared schema, then queues the item in the outbox
 * (docs/sync.md "Outbox first"): nothing waits on the server. The item's id is made once, so saving again after
 * a change replaces the queued item rather than adding a second.
 */
export function useCoverageForm(t: T, prefill: CoveragePrefill) {
  const [id] = useState(() => ulid());
  const [fields, setFields] = useState<CoverageFields>(() => initialFields(prefill));
  const [outlet, setOutlet] = useState<PickedStakeholder>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const set = <K extends keyof CoverageFields>(k: K, v: CoverageFields[K]) => setFields((f) => ({ ...f, [k]: v }));

  async function save() {
    const checked = checkCoverage(t, id, fields, outlet?.kind === 'existing' ? outlet.stakeholder : null);
    if (!checked.ok) {
      setErrors(checked.errors);
      setState({ kind: 'invalid' });
      return;
    }
    setErrors({});
    setState({ kind: 'saving' });
    try {
      await queueCoverage(checked.data);
      setState({ kind: 'saved', note: await savedNote() });
    } catch (err) {
      const e = err as Partial<StoredError>;
      const error = errorText(t, { code: e.code ?? 'unknown', detail: e.detail ?? String(err) });
      setState({ kind: 'error', message: t('covSaveFailed', error) });
    }
  }
  return { fields, set, outlet, setOutlet, errors, state, save };
}
