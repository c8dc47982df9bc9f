import { useEffect, useState } from 'react';
import { planSchema, type Plan } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { useDashboard } from '../dashboard-context';
import { periodTextsOf, withPeriods, type PeriodTexts } from './spans';

/** Where the editor is: editing, waiting on the server, or what the last save, check or recompute said. */
export type PlanStep =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'saved'; version: number; calendarChanged: boolean; changed: number; total: number }
  | { kind: 'recomputed'; changed: number; total: number }
  | { kind: 'invalid'; issues: string[] }
  | { kind: 'error'; error: StoredError };

/** The plan's lists of rules: each row is edited, added and removed the same way. */
export type RuleList = 'sla' | 'cadence' | 'goals';
export type RuleOf<K extends RuleList> = Plan[K][number];
type Change<T> = (value: T) => T;

/** The draft plan, with React keys for the rows of the lists that have no ids (SLAs and cadences). */
interface Draft {
  plan: Plan;
  keys: Record<'sla' | 'cadence', string[]>;
}

let lastRowKey = 0;
const newRowKey = () => `rule-${++lastRowKey}`;
const draftOf = (plan: Plan): Draft => ({
  plan,
  keys: { sla: plan.sla.map(newRowKey), cadence: plan.cadence.map(newRowKey) },
});

const dateLines = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The draft as it would be saved: the holiday and extra-work-day boxes read as lists of dates, the breaks and each
 * weekday's periods as spans, then checked.
 */
function validate(
  plan: Plan,
  holidays: string,
  extraDays: string,
  periods: PeriodTexts,
): { plan: Plan } | { issues: string[] } {
  const read = withPeriods(plan.calendar, periods);
  if ('bad' in read) return { issues: read.bad.map((b) => `calendar › ${b}: not a span such as 12:00-13:30`) };
  const candidate: Plan = {
    ...plan,
    calendar: { ...read.calendar, holidays: dateLines(holidays), extraWorkDays: dateLines(extraDays) },
  };
  const parsed = planSchema.safeParse(candidate);
  if (parsed.success) return { plan: parsed.data };
  return { issues: parsed.error.issues.map((i) => `${i.path.join(' › ')}: ${i.message}`) };
}

/** Runs a round trip with the server; a failure becomes the step shown. */
async function attempt(setStep: (step: PlanStep) => void, work: () => Promise<void>) {
  try {
    await work();
  } catch (e) {
    setStep({ kind: 'error', error: toStoredError(e) });
  }
}

/** How many stored figures the stored plan would change, as the notice offering a recompute shows it. */
async function previewStep(version: number | null, calendarChanged: boolean): Promise<PlanStep> {
  const preview = await withApi((c) => c.plan.recomputePreview.query());
  return {
    kind: 'saved',
    version: version ?? preview.version,
    calendarChanged,
    changed: preview.changed,
    total: preview.total,
  };
}

/** The plan being edited (loaded again whenever the stored plan changes), with its edits; see `usePlanDraft`. */
function useDraftState(stored: Plan) {
  const [draft, setDraft] = useState(() => draftOf(stored));
  const [holidays, setHolidays] = useState(stored.calendar.holidays.join('\n'));
  const [extraDays, setExtraDays] = useState(stored.calendar.extraWorkDays.join('\n'));
  const [periods, setPeriods] = useState(() => periodTextsOf(stored.calendar));
  useEffect(() => {
    setDraft(draftOf(stored));
    setHolidays(stored.calendar.holidays.join('\n'));
    setExtraDays(stored.calendar.extraWorkDays.join('\n'));
    setPeriods(periodTextsOf(stored.calendar));
  }, [stored]);

  const setRules = <K extends RuleList>(list: K, change: Change<RuleOf<K>[]>, keys: Change<string[]>) =>
    setDraft((d) => ({
      plan: { ...d.plan, [list]: change(d.plan[list] as RuleOf<K>[]) },
      keys: list === 'goals' ? d.keys : { ...d.keys, [list]: keys(d.keys[list as 'sla' | 'cadence']) },
    }));
  const edits = {
    updateRule: <K extends RuleList>(list: K, index: number, change: Change<RuleOf<K>>) =>
      setRules(
        list,
        (rows) => rows.map((r, i) => (i === index ? change(r) : r)),
        (keys) => keys,
      ),
    addRule: <K extends RuleList>(list: K, rule: RuleOf<K>) =>
      setRules(
        list,
        (rows) => [...rows, rule],
        (keys) => [...keys, newRowKey()],
      ),
    removeRule: (list: RuleList, index: number) =>
      setRules(
        list,
        (rows) => rows.filter((_, i) => i !== index),
        (keys) => keys.filter((_, i) => i !== index),
      ),
    updateCalendar: (change: Change<Plan['calendar']>) =>
      setDraft((d) => ({ ...d, plan: { ...d.plan, calendar: change(d.plan.calendar) } })),
  };
  // Discarding goes back to the stored rules; the holiday boxes keep their text, as they always have.
  const discard = () => setDraft(draftOf(stored));
  const texts = { holidays, setHolidays, extraDays, setExtraDays, periods, setPeriods };
  return { plan: draft.plan, keys: draft.keys, ...texts, ...edits, discard };
}

/**
 * The plan editor's state: the draft (loaded from the stored plan, edited immutably), its validation, saving it
 * and then counting the stored figures the new plan would change, and the recompute the count offers.
 */
export function usePlanDraft() {
  const { t, plan, reloadPlan, bumpData } = useDashboard();
  const state = useDraftState(plan.plan);
  const [step, setStep] = useState<PlanStep>({ kind: 'idle' });

  const save = async () => {
    const checked = validate(state.plan, state.holidays, state.extraDays, state.periods);
    if ('issues' in checked) return setStep({ kind: 'invalid', issues: checked.issues });
    const next = checked.plan;
    const calendarChanged = JSON.stringify(next.calendar) !== JSON.stringify(plan.plan.calendar);
    await attempt(setStep, async () => {
      setStep({ kind: 'busy', text: t('dashPlanSaving') });
      // The version it was read at: a plan another manager saved since is not overwritten (the server refuses).
      const saved = await withApi((c) => c.plan.update.mutate({ version: plan.version, ...next }));
      setStep({ kind: 'busy', text: t('dashPlanCounting') });
      setStep(await previewStep(saved.version, calendarChanged));
      reloadPlan();
      // Goals and SLAs shown beside the figures come from the plan; the stored figures do not change until recomputed.
      bumpData();
    });
  };
  const check = () =>
    attempt(setStep, async () => {
      setStep({ kind: 'busy', text: t('dashPlanCounting') });
      setStep(await previewStep(null, false));
    });
  const recompute = () =>
    attempt(setStep, async () => {
      setStep({ kind: 'busy', text: t('dashRecomputing') });
      const done = await withApi((c) => c.plan.recompute.mutate());
      setStep({ kind: 'recomputed', changed: done.changed, total: done.total });
      bumpData();
    });
  const discard = () => {
    state.discard();
    setStep({ kind: 'idle' });
  };
  const keep = () => setStep({ kind: 'idle' });

  return { ...state, step, busy: step.kind === 'busy', save, check, recompute, discard, keep };
}

export type PlanDraft = ReturnType<typeof usePlanDraft>;
