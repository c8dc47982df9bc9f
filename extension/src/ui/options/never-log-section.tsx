import { useId, useState } from 'react';
import { toStoredError } from '../../lib/api/error';
import { pushNeverLogMine } from '../../lib/api/session';
import { parseNeverLogEntry } from '../../lib/capture/never-log';
import { neverLogMineItem, orgSettingsItem } from '../../lib/storage-items';
import { errorText } from '../labels';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';

/** The user's own never-log list (kept locally and pushed to the server), and the organisation's, read-only. */
export function NeverLogSection({ t }: { t: T }) {
  const mine = useStorageItem(neverLogMineItem) ?? [];
  const org = useStorageItem(orgSettingsItem)?.neverLog ?? [];
  const [message, setMessage] = useState<string | null>(null);

  async function update(next: string[]) {
    await neverLogMineItem.setValue(next);
    try {
      await pushNeverLogMine(next);
      setMessage(null);
    } catch (err) {
      const stored = toStoredError(err);
      if (stored.code !== 'not-configured') setMessage(t('neverLogNotSaved', errorText(t, stored)));
    }
  }

  return (
    <section className="pg-card" aria-label={t('neverLogTitle')}>
      <h2>{t('neverLogTitle')}</h2>
      <p className="pg-muted">{t('neverLogHelp')}</p>
      {mine.length === 0 ? <p className="pg-muted">{t('neverLogEmpty')}</p> : null}
      <ul className="pg-list" aria-label={t('neverLogTitle')}>
        {mine.map((entry) => (
          <li key={entry}>
            <span>{entry}</span>
            <button
              type="button"
              className="pg-link"
              aria-label={t('remove', entry)}
              onClick={() => void update(mine.filter((e) => e !== entry))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <NeverLogEntryForm
        t={t}
        onEntry={(entry) => {
          if (!mine.includes(entry)) void update([...mine, entry]);
        }}
        onInvalid={(draft) => setMessage(t('invalidEntry', draft))}
      />
      {message ? (
        <p className="pg-error" role="alert">
          {message}
        </p>
      ) : null}
      {org.length > 0 ? <p className="pg-muted">{t('neverLogOrg', org.join(', '))}</p> : null}
    </section>
  );
}

/** One address or domain to add, checked before it is. */
function NeverLogEntryForm(props: { t: T; onEntry(entry: string): void; onInvalid(draft: string): void }) {
  const { t } = props;
  const [draft, setDraft] = useState('');
  const id = useId();
  return (
    <form
      className="pg-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const entry = parseNeverLogEntry(draft);
        if (!entry) return props.onInvalid(draft);
        setDraft('');
        props.onEntry(entry);
      }}
    >
      <label htmlFor={id} className="pg-visually-hidden">
        {t('neverLogEntry')}
      </label>
      <input
        id={id}
        placeholder={t('neverLogEntry')}
        value={draft}
        maxLength={320}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="pg-button">
        {t('add')}
      </button>
    </form>
  );
}
