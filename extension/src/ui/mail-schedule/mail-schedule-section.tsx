import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { MailCadence, MailRecipient, MailSend } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../lib/api/error';
import { withApi } from '../../lib/api/session';
import type { Lang } from '../../lib/i18n';
import { errorText } from '../labels';
import type { T } from '../use-t';
import { RecipientsEditor } from './recipients-editor';
import { SendsTable } from './sends-table';

/**
 * The org's period report by e-mail, for admins (docs/web-view.md "Scheduled e-mail"): cadence, recipients each in
 * their language, and the log of sends. Shown in the extension's Options and in the web view.
 */
export function MailScheduleSection({ t, lang }: { t: T; lang: Lang }) {
  const [cadence, setCadence] = useState<MailCadence>('weekly');
  const [recipients, setRecipients] = useState<MailRecipient[]>([]);
  const [sends, setSends] = useState<MailSend[]>([]);
  const [error, setError] = useState<StoredError | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const id = useId();

  const load = useCallback(async () => {
    try {
      const [schedule, log] = await withApi((c) => Promise.all([c.mail.getSchedule.query(), c.mail.sends.query()]));
      if (schedule) {
        setCadence(schedule.cadence);
        setRecipients(schedule.recipients);
      }
      setSends(log);
    } catch (e) {
      setError(toStoredError(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setState('saving');
    setError(null);
    try {
      const cleaned = recipients.map((r) => ({ ...r, email: r.email.trim() }));
      await withApi((c) => c.mail.setSchedule.mutate({ cadence, recipients: cleaned }));
      setState('saved');
      await load();
    } catch (err) {
      setError(toStoredError(err));
      setState('idle');
    }
  };

  return (
    <section className="pg-card" aria-label={t('webappMailTitle')}>
      <h2>{t('webappMailTitle')}</h2>
      <p className="pg-muted">{t('webappMailHint')}</p>
      <form onSubmit={(e) => void save(e)}>
        <div className="pg-field">
          <label htmlFor={id}>{t('webappMailCadence')}</label>
          <select id={id} value={cadence} onChange={(e) => setCadence(e.target.value as MailCadence)}>
            <option value="weekly">{t('webappMailWeekly')}</option>
            <option value="monthly">{t('webappMailMonthly')}</option>
          </select>
        </div>
        <RecipientsEditor t={t} recipients={recipients} onChange={setRecipients} />
        {error && (
          <p role="alert" className="pg-error">
            {errorText(t, error)}
          </p>
        )}
        {state === 'saved' && <p role="status">{t('webappMailSaved')}</p>}
        <button type="submit" className="pg-button pg-primary" disabled={state === 'saving'}>
          {state === 'saving' ? t('saving') : t('webappMailSave')}
        </button>
      </form>
      <h3>{t('webappMailLog')}</h3>
      <SendsTable t={t} lang={lang} sends={sends} />
    </section>
  );
}
