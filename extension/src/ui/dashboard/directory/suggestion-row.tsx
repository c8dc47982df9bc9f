import type { HandleKey, Stakeholder, Suggestion } from '@comms-log/shared';
import { formatDateTime } from '../../../lib/i18n';
import { identityKindKey } from '../../labels';
import { useDashboard } from '../dashboard-context';
import type { StakeholderDraft } from './stakeholder-draft';
import { draftFromSuggestion } from './suggestion-draft';

export const handleKeyOf = (h: HandleKey) => `${h.kind}:${h.value}`;

/** A row whose handle is being assigned: its key, and the stakeholder picked so far ('' for none yet). */
export type Assigning = { key: string; stakeholderId: string };

type Props = {
  suggestion: Suggestion;
  /** The stakeholder the directory already resolves the handle to (by its domain), by name. */
  matched: string | null;
  stakeholders: Stakeholder[];
  busy: boolean;
  assigning: Assigning | null;
  onAssigning(assigning: Assigning | null): void;
  onCreate(draft: StakeholderDraft, handle: HandleKey): void;
  onAssign(stakeholderId: string): void;
  onDismiss(): void;
};

/** One unknown counterpart: who, how busy, a sample conversation, and create / assign / ignore. */
export function SuggestionRow(props: Props) {
  const { t, lang, zone } = useDashboard();
  const { suggestion: s, matched } = props;
  const key = handleKeyOf(s);
  return (
    <tr data-handle={key}>
      <th scope="row">
        {s.name}
        <div className="pg-muted" title={t(identityKindKey[s.kind])}>
          {s.value}
        </div>
        {matched && <div className="pg-muted">{t('dashMatchesStakeholder', matched)}</div>}
      </th>
      <td className="dash-num">{s.count}</td>
      <td className="dash-num">{s.threads}</td>
      <td>{formatDateTime(lang, s.lastAt, zone)}</td>
      <td>
        {s.sampleUrl ? (
          <a href={s.sampleUrl} target="_blank" rel="noreferrer noopener">
            {s.sampleTitle || t('dashOpenConversation')}
          </a>
        ) : (
          (s.sampleTitle ?? '')
        )}
      </td>
      <td className="dash-nowrap">
        {props.assigning ? <AssignPicker {...props} assigning={props.assigning} /> : <SuggestionActions {...props} />}
      </td>
    </tr>
  );
}

/** Which stakeholder the handle goes to, then Assign or Cancel. */
function AssignPicker({
  suggestion: s,
  stakeholders,
  busy,
  assigning,
  onAssigning,
  onAssign,
}: Props & { assigning: Assigning }) {
  const { t } = useDashboard();
  return (
    <span className="dash-inline">
      <select
        aria-label={t('dashAssignToAria', s.value)}
        value={assigning.stakeholderId}
        onChange={(e) => onAssigning({ key: assigning.key, stakeholderId: e.target.value })}
      >
        <option value="">—</option>
        {stakeholders.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
            {x.organization ? ` (${x.organization})` : ''}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        className="pg-button pg-primary"
        disabled={busy || !assigning.stakeholderId}
        onClick={() => onAssign(assigning.stakeholderId)}
      >
        {t('dashAssignConfirm')}
      </button>{' '}
      <button type="button" className="pg-link" onClick={() => onAssigning(null)}>
        {t('cancel')}
      </button>
    </span>
  );
}

function SuggestionActions({ suggestion: s, busy, onAssigning, onCreate, onDismiss }: Props) {
  const { t } = useDashboard();
  return (
    <>
      <button
        type="button"
        className="pg-link"
        onClick={() => onCreate(draftFromSuggestion(s), { kind: s.kind, value: s.value })}
      >
        {t('dashCreateFromSuggestion')}
      </button>{' '}
      ·{' '}
      <button
        type="button"
        className="pg-link"
        aria-label={t('dashAssignToAria', s.value)}
        onClick={() => onAssigning({ key: handleKeyOf(s), stakeholderId: s.matchedStakeholderId ?? '' })}
      >
        {t('dashAssignAction')}
      </button>{' '}
      ·{' '}
      <button
        type="button"
        className="pg-link"
        aria-label={t('dashIgnoreAria', s.value)}
        disabled={busy}
        onClick={onDismiss}
      >
        {t('dashIgnore')}
      </button>
    </>
  );
}
