import { DateTime } from 'luxon';
import { type CostListResult, type CostShare, costShare, type MetricsFilter } from '@comms-log/shared';

/** The months (YYYY-MM, both included) the period covers in `zone`. */
export function periodMonths(filter: Pick<MetricsFilter, 'from' | 'to'>, zone: string): { from: string; to: string } {
  const from = DateTime.fromISO(filter.from, { zone }).toFormat('yyyy-LL');
  const to = DateTime.fromISO(filter.to, { zone }).minus({ milliseconds: 1 }).toFormat('yyyy-LL');
  return { from, to };
}

/** One row of the cost table: a month's total of a category. */
export interface CostRow {
  month: string;
  category: string;
  currency: string;
  amount: number;
  entries: number;
}

/** Cost entries summed per month, category and currency, by month then category. */
export function costRows(costs: CostListResult['costs']): CostRow[] {
  const rows = new Map<string, CostRow>();
  for (const c of costs) {
    const key = JSON.stringify([c.month, c.category, c.currency]);
    const row = rows.get(key) ?? { month: c.month, category: c.category, currency: c.currency, amount: 0, entries: 0 };
    row.amount += c.amount;
    row.entries++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category));
}

/** The period's cost share, or the reason there is none (amounts in more than one currency). */
export function periodCostShare(
  data: CostListResult,
  months: { from: string; to: string },
): { share: CostShare; currencies: null } | { share: null; currencies: string[] } {
  try {
    return { share: costShare(data.costs, data.revenues, months), currencies: null };
  } catch {
    const currencies = [...new Set([...data.costs, ...data.revenues].map((a) => a.currency))].sort();
    return { share: null, currencies };
  }
}
