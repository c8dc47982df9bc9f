import { useEffect, useId, useState } from 'react';
import type { StakeholderType } from '@comms-log/shared';
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
  /** List only this type (the coverage form's outlets are media). */
  onlyType?: StakeholderType;
};

/** The directory's matches for what is typed, asked of the background once typing pauses, while searching. */
function useDirectorySearch(searching: boolean, onlyType: StakeholderType | undefined) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<StakeholderSummary[]>([]);
  useEffect(() => {
    if (!searching) return;
    let live = true;
    const timer = setTimeout(() => {
      // Filtered here, from a longer list, so other types do not crowd out the 8 shown.
      sendToBackground('search-stakeholders', { text: query, limit: onlyType ? 100 : 8 }).then(
        (found) => live && setResults(onlyType ? found.filter((s) => s.type === onlyType).slice(0, 8) : found),
        () => live && setResults([]),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, searching, onlyType]);
  return { query, setQuery, results };
}

/** Search the local directory (through the background) or name a new stakeholder. Names render as text only. */
export function StakeholderPicker({ t, value, onChange, allowCreate, suggestedName = '', onlyType }: Props) {
  // The search (and what was typed) outlives a pick, so "Change" goes back to it.
  const search = useDirectorySearch(value === null, onlyType);
  if (value?.kind === 'existing') return <PickedExisting t={t} stakeholder={value.stakeholder} onChange={onChange} />;
  if (value?.kind === 'new') return <NewStakeholderName t={t} name={value.name} onChange={onChange} />;
  return (
    <DirectorySearch
      t={t}
      {...search}
      onPick={(stakeholder) => onChange({ kind: 'existing', stakeholder })}
      onCreate={allowCreate ? () => onChange({ kind: 'new', name: search.query.trim() || suggestedName }) : null}
    />
  );
}

function PickedExisting({
  t,
  stakeholder,
  onChange,
}: {
  t: T;
  stakeholder: StakeholderSummary;
  onChange: Props['onChange'];
}) {
  return (
    <div className="cl-field">
      <span className="cl-label">{t('stakeholder')}</span>
      <div className="cl-picked">
        <bdi className="cl-picked-name">{stakeholder.name}</bdi>
        <span className="cl-muted"> · {t(stakeholderTypeKey[stakeholder.type])}</span>
        <button type="button" className="cl-link" onClick={() => onChange(null)}>
          {t('stakeholderChange')}
        </button>
      </div>
    </div>
  );
}

function NewStakeholderName({ t, name, onChange }: { t: T; name: string; onChange: Props['onChange'] }) {
  const nameId = useId();
  return (
    <div className="cl-field">
      <label className="cl-label" htmlFor={nameId}>
        {t('stakeholderName')}
      </label>
      <input
        id={nameId}
        className="cl-input"
        dir="auto"
        value={name}
        maxLength={200}
        onChange={(e) => onChange({ kind: 'new', name: e.target.value })}
      />
      <button type="button" className="cl-link" onClick={() => onChange(null)}>
        {t('stakeholderSearch')}
      </button>
    </div>
  );
}

function DirectorySearch(props: {
  t: T;
  query: string;
  setQuery(query: string): void;
  results: StakeholderSummary[];
  onPick(stakeholder: StakeholderSummary): void;
  /** "New stakeholder", when offered. */
  onCreate: (() => void) | null;
}) {
  const { t, query, results } = props;
  const searchId = useId();
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
        onChange={(e) => props.setQuery(e.target.value)}
      />
      <ul className="cl-results" aria-label={t('stakeholderSearch')}>
        {results.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="cl-result"
              aria-label={t('stakeholderPick', s.name)}
              onClick={() => props.onPick(s)}
            >
              {s.name}
              <span className="cl-muted"> · {t(stakeholderTypeKey[s.type])}</span>
            </button>
          </li>
        ))}
        {results.length === 0 && query.trim() !== '' ? <li className="cl-muted">{t('stakeholderNoResults')}</li> : null}
      </ul>
      {props.onCreate ? (
        <button type="button" className="cl-link" onClick={props.onCreate}>
          {t('stakeholderNew')}
        </button>
      ) : null}
    </div>
  );
}
