import { surveyInstruments, surveyScaleRange, type StakeholderType, type SurveyInstrument } from '@comms-log/shared';
import { useDashboard } from '../dashboard-context';
import { StakeholderTypeOptions } from '../select-options';
import { instrumentKey } from './survey-problem-text';

/** The survey form's fields as typed. */
export interface SurveyDraft {
  instrument: SurveyInstrument;
  score: string;
  /** The CSAT scale's highest score. */
  scale: string;
  /** Empty: an anonymous answer. */
  stakeholderId: string;
  stakeholderType: StakeholderType;
  dimension: string;
  answeredAt: string;
  comment: string;
}

/** "1–5": the scores an instrument takes on the scale typed (CSAT), for the score's hint. */
function scaleText(instrument: SurveyInstrument, scale: string): string {
  const n = Number(scale);
  const { min, max } = surveyScaleRange(instrument, Number.isInteger(n) && n >= 3 && n <= 10 ? n : undefined);
  return `${min}–${max}`;
}

/** What was asked and answered: the instrument, its score and scale. */
function ScoreFields({ draft, set }: { draft: SurveyDraft; set(change: Partial<SurveyDraft>): void }) {
  const { t } = useDashboard();
  return (
    <div className="pg-row">
      <div className="pg-field">
        <label htmlFor="survey-instrument">{t('dashSurveyColInstrument')}</label>
        <select
          id="survey-instrument"
          value={draft.instrument}
          onChange={(e) => set({ instrument: e.target.value as SurveyInstrument })}
        >
          {surveyInstruments.map((i) => (
            <option key={i} value={i}>
              {t(instrumentKey[i])}
            </option>
          ))}
        </select>
      </div>
      <div className="pg-field">
        <label htmlFor="survey-score">{t('dashSurveyColScore')}</label>
        <input
          id="survey-score"
          type="text"
          inputMode="decimal"
          aria-describedby="survey-score-hint"
          value={draft.score}
          onChange={(e) => set({ score: e.target.value })}
        />
        <span id="survey-score-hint" className="pg-muted dash-hint">
          {scaleText(draft.instrument, draft.scale)}
        </span>
      </div>
      {draft.instrument === 'csat' && (
        <div className="pg-field">
          <label htmlFor="survey-scale">{t('dashSurveyScale')}</label>
          <input
            id="survey-scale"
            type="text"
            inputMode="numeric"
            value={draft.scale}
            onChange={(e) => set({ scale: e.target.value })}
          />
        </div>
      )}
    </div>
  );
}

/** Who answered: a stakeholder of the directory (whose type counts) or an anonymous answer of a type. */
function RespondentFields({ draft, set }: { draft: SurveyDraft; set(change: Partial<SurveyDraft>): void }) {
  const { t, stakeholders } = useDashboard();
  const pick = (id: string) => {
    const s = stakeholders.find((x) => x.id === id);
    set(s ? { stakeholderId: id, stakeholderType: s.type } : { stakeholderId: '' });
  };
  return (
    <div className="pg-row">
      <div className="pg-field">
        <label htmlFor="survey-stakeholder">{t('dashSurveyWho')}</label>
        <select id="survey-stakeholder" value={draft.stakeholderId} onChange={(e) => pick(e.target.value)}>
          <option value="">{t('dashSurveyAnonymous')}</option>
          {stakeholders.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="pg-field">
        <label htmlFor="survey-type">{t('dashSurveyWhoType')}</label>
        <select
          id="survey-type"
          value={draft.stakeholderType}
          disabled={draft.stakeholderId !== ''}
          onChange={(e) => set({ stakeholderType: e.target.value as StakeholderType })}
        >
          <StakeholderTypeOptions />
        </select>
      </div>
    </div>
  );
}

/** Every field of one survey answer. */
export function SurveyFields({
  draft,
  onDraft,
  dimensions,
}: {
  draft: SurveyDraft;
  onDraft(change: (d: SurveyDraft) => SurveyDraft): void;
  dimensions: string[];
}) {
  const { t } = useDashboard();
  const set = (change: Partial<SurveyDraft>) => onDraft((d) => ({ ...d, ...change }));
  return (
    <>
      <ScoreFields draft={draft} set={set} />
      <RespondentFields draft={draft} set={set} />
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor="survey-dimension">{t('dashSurveyColDimension')}</label>
          <input
            id="survey-dimension"
            list="survey-dimensions"
            value={draft.dimension}
            onChange={(e) => set({ dimension: e.target.value })}
          />
          <datalist id="survey-dimensions">
            {dimensions.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </div>
        <div className="pg-field">
          <label htmlFor="survey-answered">{t('dashSurveyAnsweredOn')}</label>
          <input
            id="survey-answered"
            type="date"
            value={draft.answeredAt}
            onChange={(e) => set({ answeredAt: e.target.value })}
          />
        </div>
      </div>
      <div className="pg-field">
        <label htmlFor="survey-comment">{t('dashSurveyColComment')}</label>
        <textarea
          id="survey-comment"
          rows={2}
          value={draft.comment}
          onChange={(e) => set({ comment: e.target.value })}
        />
      </div>
    </>
  );
}
