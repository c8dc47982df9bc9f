import type { CostEntryInput, RevenueInput } from '../../schemas/cost';

/** What the cost share reads of a cost entry or a month's revenue. */
export type MonthAmount = Pick<CostEntryInput | RevenueInput, 'month' | 'amount' | 'currency'>;

/** The cost share with what it was computed from. */
export type CostShare = {
  value: number | null;
  /** Σ cost over the months. */
  cost: number;
  /** Σ revenue over the months. */
  revenue: number;
  /** The currency of every amount; null when there is none. */
  currency: string | null;
  /** Months of the range without a revenue figure: while there is one, the share is null. */
  missingRevenueMonths: string[];
};

/** Every month from `from` to `to`, both included (YYYY-MM). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let m = from; m <= to; m = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(m);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/**
 * Cost share = Σ external-communication cost ÷ Σ revenue over the months `from`–`to` (YYYY-MM, both included).
 * Null when revenue sums to 0 or a month of the range has no revenue figure (a share over part of the revenue
 * would be overstated); the missing months are listed.
 *
 * @throws Error when the amounts are in more than one currency: convert them to one before comparing.
 */
export function costShare(
  costs: readonly MonthAmount[],
  revenues: readonly MonthAmount[],
  months: { from: string; to: string },
): CostShare {
  const inRange = (a: MonthAmount) => a.month >= months.from && a.month <= months.to;
  const costsOf = costs.filter(inRange);
  const revenuesOf = revenues.filter(inRange);
  const currencies = [...new Set([...costsOf, ...revenuesOf].map((a) => a.currency))];
  if (currencies.length > 1) {
    throw new Error(
      `The cost share needs one currency, but the amounts are in ${currencies.join(' and ')}: convert them to one currency first`,
    );
  }
  const cost = costsOf.reduce((sum, a) => sum + a.amount, 0);
  const revenue = revenuesOf.reduce((sum, a) => sum + a.amount, 0);
  const withRevenue = new Set(revenuesOf.map((a) => a.month));
  const missingRevenueMonths = monthsBetween(months.from, months.to).filter((m) => !withRevenue.has(m));
  return {
    value: revenue > 0 && missingRevenueMonths.length === 0 ? cost / revenue : null,
    cost,
    revenue,
    currency: currencies[0] ?? null,
    missingRevenueMonths,
  };
}
