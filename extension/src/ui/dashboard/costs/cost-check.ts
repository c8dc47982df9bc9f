import type { CostEntryInput, RevenueInput } from '@comms-log/shared';

/** The cost and revenue forms' fields as typed. */
export interface MoneyDraft {
  month: string;
  category: string;
  amount: string;
  currency: string;
}

/** A mistake in a form, as it names it. */
export type MoneyProblem =
  | { kind: 'month' }
  | { kind: 'category' }
  | { kind: 'categoryLong' }
  | { kind: 'amountNegative' }
  | { kind: 'amountInvalid'; value: string }
  | { kind: 'currency'; value: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month, amount and currency checks both forms share. */
function moneyProblems(d: MoneyDraft): { problems: MoneyProblem[]; amount: number; currency: string } {
  const problems: MoneyProblem[] = [];
  if (!MONTH.test(d.month.trim()) || d.month.trim() < '1970-01' || d.month.trim() > '2100-12')
    problems.push({ kind: 'month' });
  const text = d.amount.trim().replace(/[,，\s]/g, '');
  const amount = Number(text);
  if (text === '' || !Number.isFinite(amount) || amount > 1e15)
    problems.push({ kind: 'amountInvalid', value: d.amount.trim() });
  else if (amount < 0) problems.push({ kind: 'amountNegative' });
  const currency = d.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problems.push({ kind: 'currency', value: d.currency.trim() });
  return { problems, amount, currency };
}

/**
 * Checks a cost entry as `evaluations.recordCost` will (shared/src/schemas/cost.ts), so a negative amount or a bad
 * month is named in the reader's language before anything is sent. Amounts may be typed with thousands separators.
 */
export function checkCost(d: MoneyDraft, id: string): { problems: MoneyProblem[]; input: CostEntryInput | null } {
  const { problems, amount, currency } = moneyProblems(d);
  const category = d.category.trim();
  if (!category) problems.push({ kind: 'category' });
  else if (category.length > 60) problems.push({ kind: 'categoryLong' });
  if (problems.length) return { problems, input: null };
  return { problems, input: { id, month: d.month.trim(), category, amount, currency } };
}

/** Checks a month's revenue as `evaluations.setRevenue` will. */
export function checkRevenue(d: MoneyDraft): { problems: MoneyProblem[]; input: RevenueInput | null } {
  const { problems, amount, currency } = moneyProblems(d);
  if (problems.length) return { problems, input: null };
  return { problems, input: { month: d.month.trim(), amount, currency } };
}
