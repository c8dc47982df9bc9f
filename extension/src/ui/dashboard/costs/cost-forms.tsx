import { useState } from 'react';
import { ulid } from 'ulid';
import type { CostEntryInput, RevenueInput } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import type { T } from '../../use-t';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { checkCost, checkRevenue, type MoneyDraft, type MoneyProblem } from './cost-check';

/** A mistake in a cost or revenue form in plain words. */
function moneyProblemText(t: T, p: MoneyProblem): string {
  switch (p.kind) {
    case 'month':
      return t('dashCostErrMonth');
    case 'category':
      return t('dashCostErrCategory');
    case 'categoryLong':
      return t('dashCostErrCategoryLong');
    case 'amountNegative':
      return t('dashCostErrNegative');
    case 'amountInvalid':
      return t('dashCostErrAmount', p.value);
    case 'currency':
      return t('dashCostErrCurrency', p.value);
  }
}

type Kind = 'cost' | 'revenue';

/**
 * "Record a cost" (month, category, amount, currency) or "Set a month's revenue" (month, amount, currency):
 * mistakes are named before anything is sent, the server's refusal in plain words; the fields stay on error.
 */
export function MoneyForm({
  kind,
  month,
  currency,
  onCost,
  onRevenue,
}: {
  kind: Kind;
  month: string;
  currency: string;
  onCost(input: CostEntryInput): Promise<unknown>;
  onRevenue(input: RevenueInput): Promise<unknown>;
}) {
  const { t } = useDashboard();
  const [d, setD] = useState<MoneyDraft>({ month, category: '', amount: '', currency });
  const [problems, setProblems] = useState<MoneyProblem[]>([]);
  const [error, setError] = useState<StoredError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<MoneyDraft>) => setD((x) => ({ ...x, ...change }));
  const save = async () => {
    const checked = kind === 'cost' ? checkCost(d, ulid()) : checkRevenue(d);
    setProblems(checked.problems);
    setError(null);
    setSaved(false);
    if (!checked.input) return;
    setBusy(true);
    try {
      if (kind === 'cost') await onCost(checked.input as CostEntryInput);
      else await onRevenue(checked.input);
      setSaved(true);
      set({ category: '', amount: '' });
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };
  const title = t(kind === 'cost' ? 'dashCostRecordTitle' : 'dashCostRevenueTitle');
  return (
    <form
      className="pg-form pg-card"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{title}</h3>
      <div className="pg-row">
        <label className="pg-field">
          {t('dashCostMonth')}
          <input type="month" value={d.month} onChange={(e) => set({ month: e.target.value })} />
        </label>
        {kind === 'cost' && (
          <label className="pg-field">
            {t('dashCostCategory')}
            <input type="text" maxLength={80} value={d.category} onChange={(e) => set({ category: e.target.value })} />
          </label>
        )}
        <label className="pg-field">
          {t('dashCostAmount')}
          <input type="text" inputMode="decimal" value={d.amount} onChange={(e) => set({ amount: e.target.value })} />
        </label>
        <label className="pg-field">
          {t('dashCostCurrency')}
          <input type="text" maxLength={3} value={d.currency} onChange={(e) => set({ currency: e.target.value })} />
        </label>
      </div>
      {problems.length > 0 && (
        <div role="alert" className="pg-error">
          <p>{t('dashActFixFirst')}</p>
          <ul className="dash-issues">
            {problems.map((p) => (
              <li key={p.kind}>{moneyProblemText(t, p)}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p role="alert" className="pg-error">
          {errorText(t, error)}
        </p>
      )}
      {saved && (
        <p role="status" className="pg-ok">
          {t(kind === 'cost' ? 'dashCostRecorded' : 'dashCostRevenueSaved')}
        </p>
      )}
      <div className="pg-actions">
        <button type="submit" className="pg-button pg-primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
