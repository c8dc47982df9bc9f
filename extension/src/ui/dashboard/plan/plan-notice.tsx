import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import type { PlanStep } from './use-plan-draft';

/** What the last save, check or recompute said; after a save, the offer to recompute the figures it would change. */
export function PlanNotice({ step, onRecompute, onKeep }: { step: PlanStep; onRecompute(): void; onKeep(): void }) {
  const { t } = useDashboard();
  switch (step.kind) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <p role="status" className="pg-muted">
          {step.text}
        </p>
      );
    case 'invalid':
      return (
        <div role="alert" className="pg-error">
          <p>{t('dashPlanInvalid')}</p>
          <ul className="dash-issues">
            {step.issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </div>
      );
    case 'error':
      return (
        <p role="alert" className="pg-error">
          {errorText(t, step.error)}
        </p>
      );
    case 'recomputed':
      return (
        <p role="status" className="pg-ok">
          {t('dashRecomputed', step.changed, step.total)}
        </p>
      );
    case 'saved':
      return <RecomputeOffer step={step} onRecompute={onRecompute} onKeep={onKeep} />;
  }
}

function RecomputeOffer({
  step,
  onRecompute,
  onKeep,
}: {
  step: Extract<PlanStep, { kind: 'saved' }>;
  onRecompute(): void;
  onKeep(): void;
}) {
  const { t } = useDashboard();
  return (
    <div role="status" className="dash-notice" aria-label={t('dashRecomputeOffer')}>
      <p>{t('dashPlanSaved', step.version)}</p>
      {step.calendarChanged && <p>{t('dashCalendarChanged')}</p>}
      {step.changed > 0 ? (
        <>
          <p>{t('dashRecomputeCount', step.changed, step.total)}</p>
          <div className="pg-actions">
            <button type="button" className="pg-button" onClick={onKeep}>
              {t('dashKeepStored')}
            </button>
            <button type="button" className="pg-button pg-primary" onClick={onRecompute}>
              {t('dashRecomputeN', step.changed)}
            </button>
          </div>
        </>
      ) : (
        <p>{t('dashRecomputeNone', step.total)}</p>
      )}
    </div>
  );
}
