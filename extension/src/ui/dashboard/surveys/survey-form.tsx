import { useState } from 'react';
import { ulid } from 'ulid';
import type { RecordSurveyResult, SurveyResponseInput } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { dayIn } from '../zoned-time';
import { checkSurvey, type SurveyProblem } from './survey-check';
import { SurveyFields, type SurveyDraft } from './survey-fields';
import { instrumentKey, surveyProblemText } from './survey-problem-text';

type Outcome =
  | { kind: 'idle' | 'busy' }
  | { kind: 'problems'; problems: SurveyProblem[] }
  | { kind: 'error'; error: StoredError }
  | { kind: 'recorded'; result: RecordSurveyResult };

/** The form's draft, checked in the browser and then recorded; a recorded answer clears its score and comment. */
function useSurveyForm(onRecord: (input: SurveyResponseInput) => Promise<RecordSurveyResult>) {
  const { zone } = useDashboard();
  const [draft, setDraft] = useState<SurveyDraft>(() => ({
    instrument: 'csat',
    score: '',
    scale: '5',
    stakeholderId: '',
    stakeholderType: 'customer',
    dimension: '',
    answeredAt: dayIn(Date.now(), zone),
    comment: '',
  }));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const submit = async () => {
    const checked = checkSurvey(
      { ...draft, scale: draft.instrument === 'csat' ? draft.scale : '' },
      { today: dayIn(Date.now(), zone) },
    );
    if (!checked.fields) return setOutcome({ kind: 'problems', problems: checked.problems });
    setOutcome({ kind: 'busy' });
    try {
      const input = {
        id: ulid(),
        ...checked.fields,
        ...(draft.stakeholderId ? { stakeholderId: draft.stakeholderId } : {}),
      };
      const result = await onRecord(input);
      setOutcome({ kind: 'recorded', result });
      setDraft((d) => ({ ...d, score: '', comment: '' }));
    } catch (e) {
      setOutcome({ kind: 'error', error: toStoredError(e) });
    }
  };
  return { draft, setDraft, outcome, submit };
}

/**
 * Record one survey answer: instrument, score (and the CSAT scale), the stakeholder or an anonymous answer of a type,
 * the rated dimension, the day it was answered and a comment. Mistakes are named before anything is sent.
 */
export function SurveyForm({
  dimensions,
  onRecord,
}: {
  dimensions: string[];
  onRecord(input: SurveyResponseInput): Promise<RecordSurveyResult>;
}) {
  const { t } = useDashboard();
  const { draft, setDraft, outcome, submit } = useSurveyForm(onRecord);
  return (
    <form
      className="pg-card pg-form"
      aria-labelledby="survey-form-h"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="survey-form-h">{t('dashSurveyRecordTitle')}</h3>
      <SurveyFields draft={draft} onDraft={setDraft} dimensions={dimensions} />
      <SurveyOutcome outcome={outcome} />
      <div className="pg-actions">
        <button type="submit" className="pg-button pg-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? t('saving') : t('dashSurveyRecordButton')}
        </button>
      </div>
    </form>
  );
}

/** What became of the last attempt: the mistakes to fix, the server's refusal, or what was recorded. */
function SurveyOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useDashboard();
  if (outcome.kind === 'problems')
    return (
      <div role="alert" className="pg-error">
        <p>{t('dashSurveyFixFirst')}</p>
        <ul className="dash-issues">
          {outcome.problems.map((p) => (
            <li key={surveyProblemText(t, p)}>{surveyProblemText(t, p)}</li>
          ))}
        </ul>
      </div>
    );
  if (outcome.kind === 'error')
    return (
      <p role="alert" className="pg-error">
        {errorText(t, outcome.error)}
      </p>
    );
  if (outcome.kind !== 'recorded') return null;
  const r = outcome.result.response;
  return (
    <p role="status" className="pg-ok">
      {t('dashSurveyRecordedText', `${t(instrumentKey[r.instrument])} ${r.score}`)}
      {outcome.result.followupId ? ` ${t('dashSurveyFollowupCreated')}` : ''}
    </p>
  );
}
