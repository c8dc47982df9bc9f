import { ulid } from 'ulid';
import {
  type PeriodReport,
  type ReportSuggestion,
  type ReportTexts,
  type SuggestionStatus,
  suggestionStatusSchema,
} from '@comms-log/shared';
import type { MessageKey } from '../../../lib/i18n';
import { useDashboard } from '../dashboard-context';

const statusKeys: Record<SuggestionStatus, MessageKey> = {
  open: 'reportStatusOpen',
  in_progress: 'reportStatusInProgress',
  done: 'reportStatusDone',
  dropped: 'reportStatusDropped',
};

/** One measure's fields: what, who, by when, how far. */
function SuggestionRow(props: { s: ReportSuggestion; n: number; onChange(s: ReportSuggestion | null): void }) {
  const { t } = useDashboard();
  const { s, n, onChange } = props;
  const id = `report-suggestion-${s.id}`;
  return (
    <fieldset className="dash-report-suggestion" aria-label={t('reportSuggestionN', n)}>
      <div className="pg-field">
        <label htmlFor={`${id}-text`}>{t('reportSuggestionText')}</label>
        <input id={`${id}-text`} value={s.text} onChange={(e) => onChange({ ...s, text: e.target.value })} />
      </div>
      <div className="pg-field">
        <label htmlFor={`${id}-owner`}>{t('reportSuggestionOwner')}</label>
        <input id={`${id}-owner`} value={s.owner} onChange={(e) => onChange({ ...s, owner: e.target.value })} />
      </div>
      <div className="pg-field">
        <label htmlFor={`${id}-due`}>{t('reportSuggestionDue')}</label>
        <input
          id={`${id}-due`}
          type="date"
          value={s.due ?? ''}
          onChange={(e) => onChange({ ...s, due: e.target.value || null })}
        />
      </div>
      <div className="pg-field">
        <label htmlFor={`${id}-status`}>{t('reportSuggestionStatus')}</label>
        <select
          id={`${id}-status`}
          value={s.status}
          onChange={(e) => onChange({ ...s, status: e.target.value as SuggestionStatus })}
        >
          {suggestionStatusSchema.options.map((o) => (
            <option key={o} value={o}>
              {t(statusKeys[o])}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="pg-link" onClick={() => onChange(null)}>
        {t('reportSuggestionRemove')}
      </button>
    </fieldset>
  );
}

/** The measures of this edition: add, edit, remove (the table above shows them as they will be saved). */
export function SuggestionsEditor({ texts, onTexts }: { texts: ReportTexts; onTexts(t: ReportTexts): void }) {
  const { t } = useDashboard();
  const set = (i: number, s: ReportSuggestion | null) => {
    const next = [...texts.suggestions];
    if (s) next[i] = s;
    else next.splice(i, 1);
    onTexts({ ...texts, suggestions: next });
  };
  const add = () =>
    onTexts({
      ...texts,
      suggestions: [...texts.suggestions, { id: ulid(), text: '', owner: '', due: null, status: 'open' }],
    });
  return (
    <div className="dash-report-editor dash-noprint">
      {texts.suggestions.map((s, i) => (
        <SuggestionRow key={s.id} s={s} n={i + 1} onChange={(x) => set(i, x)} />
      ))}
      <button type="button" className="pg-button" onClick={add}>
        {t('reportSuggestionAdd')}
      </button>
    </div>
  );
}

/** The manager's note on each complaint or crisis case of the period. */
export function CaseNotesEditor(props: { report: PeriodReport; texts: ReportTexts; onTexts(t: ReportTexts): void }) {
  const { t } = useDashboard();
  const { texts, onTexts } = props;
  const cases = props.report.sections.cases;
  if (!cases.length) return null;
  const noteOf = (key: string) => texts.caseNotes.find((c) => c.threadKey === key)?.note ?? '';
  const setNote = (threadKey: string, note: string) =>
    onTexts({
      ...texts,
      caseNotes: [...texts.caseNotes.filter((c) => c.threadKey !== threadKey), ...(note ? [{ threadKey, note }] : [])],
    });
  return (
    <div className="dash-report-editor dash-noprint">
      {cases.map((c, i) => (
        <div key={c.threadKey} className="pg-field">
          <label htmlFor={`report-case-${i}`}>{t('reportCaseNote', c.title ?? c.threadKey)}</label>
          <textarea
            id={`report-case-${i}`}
            rows={2}
            value={noteOf(c.threadKey)}
            onChange={(e) => setNote(c.threadKey, e.target.value)}
          />
        </div>
      ))}
    </div>
  );
}
