import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { CadenceFieldset } from './cadence-fieldset';
import { CalendarFieldset } from './calendar-fieldset';
import { GoalsFieldset } from './goals-fieldset';
import { PlanNotice } from './plan-notice';
import { SlaFieldset } from './sla-fieldset';
import { usePlanDraft } from './use-plan-draft';

/**
 * The communication plan, as managers edit it: SLAs, cadence, goals and the working calendar. Saving stores a new
 * version and then says how many stored figures the new plan would change; history is recomputed only when asked.
 */
export function PlanEditor() {
  const { t, lang, plan, canManage } = useDashboard();
  const draft = usePlanDraft();
  if (!canManage) return <p className="pg-muted">{t('dashManagersOnly')}</p>;

  const f = reportFormat(lang);
  return (
    <form
      className="dash-editor"
      aria-label={t('dashTabPlan')}
      onSubmit={(e) => {
        e.preventDefault();
        void draft.save();
      }}
    >
      <p className="pg-muted">
        {t('dashPlanVersion', plan.version, f.dateTime(plan.updatedAt, draft.plan.calendar.timeZone))}
      </p>
      <SlaFieldset draft={draft} />
      <CadenceFieldset draft={draft} />
      <GoalsFieldset draft={draft} />
      <CalendarFieldset draft={draft} />
      <div className="pg-actions dash-noprint">
        <button type="button" className="pg-button" disabled={draft.busy} onClick={() => void draft.check()}>
          {t('dashCheckStored')}
        </button>
        <button type="button" className="pg-button" disabled={draft.busy} onClick={draft.discard}>
          {t('dashDiscard')}
        </button>
        <button type="submit" className="pg-button pg-primary" disabled={draft.busy}>
          {t('dashSavePlan')}
        </button>
      </div>
      <PlanNotice step={draft.step} onRecompute={() => void draft.recompute()} onKeep={draft.keep} />
    </form>
  );
}
