import { useEffect, useId, useState } from 'react';
import { sendToBackground, type StakeholderSummary } from '../lib/messages';
import { stakeholderTypeKey } from '../lib/label-keys';
import type { T } from './use-t';

/** The picker's value: a directory entry, a new one by name, or nothing yet. */
export type PickedStakeholder =
  | { kind: 'existing'; stakeholder: StakeholderSummary }
  | { kind: 'new'; name: string }
  | null;

type Props = {
  t: T;
  value: PickedStakeholder;
  onChange: (value: PickedStakeholder) => void;
  /** Offer "New stakeholder" (the Log-this panel); the popup only picks from the directory. */
  allowCreate: boolean;
  /** Name to suggest for a new stakeholder (the counterpart's display name). */
  suggestedName?: string;
};

/** Search the local directory (through the background) or name a new stakeholder. Names render as text only. */
export function StakeholderPicker({ t, value, onChange, allowCreate, suggestedName = '' }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<StakeholderSummary[]>([]);
  const searchId = useId();
  const nameId = useId();
  const searching = value === null;

  useEffect(() => {
    if (!searching) return;
    let live = true;
    const timer = setTimeout(() => {
      sendToBackground('search-stakeholders', { text: query, limit: 8 }).then(
        (found) => live && setResults(found),
        () => live && setResults([]),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, searching]);

  if (value?.kind === 'existing') {
    return (
      <div className="cl-field">
        <span className="cl-label">{t('stakeholder')}</span>
        <div className="cl-picked">
          <span className="cl-picked-name">{value.stakeholder.name}</span>
          <span className="cl-muted"> · {t(stakeholderTypeKey[value.stakeholder.type])}</span>
          <button type="button" className="cl-link" onClick={() => onChange(null)}>
            {t('stakeholderChange')}
          </button>
        </div>
      </div>
    );
  }

  if (value?.kind === 'new') {
    return (
      <div className="cl-field">
        <label className="cl-label" htmlFor={nameId}>
          {t('stakeholderName')}
        </label>
        <input
          id={nameId}
          className="cl-input"
          value={value.name}
          maxLength={200}
          onChange={(e) => onChange({ kind: 'new', name: e.target.value })}
        />
        <button type="button" className="cl-link" onClick={() => onChange(null)}>
          {t('stakeholderSearch')}
        </button>
      </div>
    );
  }

  return (
    <div className="cl-field">
      <label className="cl-label" htmlFor={searchId}>
        {t('stakeholder')}
      </label>
      <input
        id={searchId}
        className="cl-input"
        type="search"
        placeholder={t('stakeholderSearch')}
        value={query}
        maxLength={200}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="cl-results" aria-label={t('stakeholderSearch')}>
        {results.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="cl-result"
              aria-label={t('stakeholderPick', s.name)}
              onClick={() => onChange({ kind: 'existing', stakeholder: s })}
            >
              {s.name}
              <span className="cl-muted"> · {t(stakeholderTypeKey[s.type])}</span>
            </button>
          </li>
        ))}
        {results.length === 0 && query.trim() !== '' ? <li className="cl-muted">{t('stakeholderNoResults')}</li> : null}
      </ul>
      {allowCreate ? (
        <button
          type="button"
          className="cl-link"
          onClick={() => onChange({ kind: 'new', name: query.trim() || suggestedName })}
        >
          {t('stakeholderNew')}
        </button>
      ) : null}
    </div>
  );
}
