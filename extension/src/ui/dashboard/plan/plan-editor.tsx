import { useEffect, useState } from 'react';
import {
  channels,
  goalMetricSchema,
  planSchema,
  stakeholderTypes,
  type Channel,
  type Goal,
  type Plan,
  type StakeholderType,
} from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import type { MessageKey } from '../../../lib/i18n';
import { reportFormat } from '../../../lib/report/tables';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';

type Unit = Plan['sla'][number]['limit']['unit'];
const units: Unit[] = ['working_hours', 'working_days', 'minutes', 'hours'];
const metrics = goalMetricSchema.options;
const metricKey: Record<Goal['metric'], MessageKey> = {
  mean_response_hours: 'dashMetricMean',
  median_response_hours: 'dashMetricMedian',
  on_time_rate: 'dashMetricOnTime',
  coverage: 'dashMetricCoverage',
  outbound_posts: 'dashMetricPosts',
  meetings: 'dashMetricMeetings',
};
const isRate = (m: Goal['metric']) => m === 'on_time_rate' || m === 'coverage';
const weekdayKeys: MessageKey[] = ['dashMon', 'dashTue', 'dashWed', 'dashThu', 'dashFri', 'dashSat', 'dashSun'];
const zones = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'saved'; version: number; calendarChanged: boolean; changed: number; total: number }
  | { kind: 'recomputed'; changed: number; total: number }
  | { kind: 'invalid'; issues: string[] }
  | { kind: 'error'; error: StoredError };

const dateLines = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The communication plan, as managers edit it: SLAs, cadence, goals and the working calendar. Saving stores a new
 * version and then says how many stored figures the new plan would change; history is recomputed only when asked.
 */
export function PlanEditor() {
  const { t, lang, plan, reloadPlan, bumpData, canManage } = useDashboard();
  const f = reportFormat(lang);
  const [draft, setDraft] = useState<Plan>(() => structuredClone(plan.plan));
  const [holidays, setHolidays] = useState(plan.plan.calendar.holidays.join('\n'));
  const [extraDays, setExtraDays] = useState(plan.plan.calendar.extraWorkDays.join('\n'));
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  useEffect(() => {
    setDraft(structuredClone(plan.plan));
    setHolidays(plan.plan.calendar.holidays.join('\n'));
    setExtraDays(plan.plan.calendar.extraWorkDays.join('\n'));
  }, [plan.version, plan.plan]);

  const busy = step.kind === 'busy';
  const set = (fn: (p: Plan) => void) =>
    setDraft((p) => {
      const next = structuredClone(p);
      fn(next);
      return next;
    });
  const cal = draft.calendar;
  const slaName = (r: Plan['sla'][number]) =>
    `${f.type(r.stakeholderType)} · ${r.channel ? f.channel(r.channel) : t('dashAnyChannel')}`;

  const save = async () => {
    const candidate: Plan = {
      ...draft,
      calendar: { ...draft.calendar, holidays: dateLines(holidays), extraWorkDays: dateLines(extraDays) },
    };
    const parsed = planSchema.safeParse(candidate);
    if (!parsed.success) {
      setStep({ kind: 'invalid', issues: parsed.error.issues.map((i) => `${i.path.join(' › ')}: ${i.message}`) });
      return;
    }
    const calendarChanged = JSON.stringify(parsed.data.calendar) !== JSON.stringify(plan.plan.calendar);
    try {
      setStep({ kind: 'busy', text: t('dashPlanSaving') });
      const saved = await withApi((c) => c.plan.update.mutate(parsed.data));
      setStep({ kind: 'busy', text: t('dashPlanCounting') });
      const preview = await withApi((c) => c.plan.recomputePreview.query());
      setStep({
        kind: 'saved',
        version: saved.version,
        calendarChanged,
        changed: preview.changed,
        total: preview.total,
      });
      reloadPlan();
      // Goals and SLAs shown beside the figures come from the plan; the stored figures do not change until recomputed.
      bumpData();
    } catch (e) {
      setStep({ kind: 'error', error: toStoredError(e) });
    }
  };

  const check = async () => {
    try {
      setStep({ kind: 'busy', text: t('dashPlanCounting') });
      const preview = await withApi((c) => c.plan.recomputePreview.query());
      setStep({
        kind: 'saved',
        version: preview.version,
        calendarChanged: false,
        changed: preview.changed,
        total: preview.total,
      });
    } catch (e) {
      setStep({ kind: 'error', error: toStoredError(e) });
    }
  };

  const recompute = async () => {
    try {
      setStep({ kind: 'busy', text: t('dashRecomputing') });
      const done = await withApi((c) => c.plan.recompute.mutate());
      setStep({ kind: 'recomputed', changed: done.changed, total: done.total });
      bumpData();
    } catch (e) {
      setStep({ kind: 'error', error: toStoredError(e) });
    }
  };

  if (!canManage) return <p className="pg-muted">{t('dashManagersOnly')}</p>;

  return (
    <form className="dash-editor" aria-label={t('dashTabPlan')} onSubmit={(e) => (e.preventDefault(), void save())}>
      <p className="pg-muted">{t('dashPlanVersion', plan.version, f.dateTime(plan.updatedAt, cal.timeZone))}</p>

      <fieldset>
        <legend>{t('dashSlaTitle')}</legend>
        <p className="pg-muted dash-hint">{t('dashSlaHint')}</p>
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{t('dashColType')}</th>
              <th scope="col">{t('dashColChannel')}</th>
              <th scope="col">{t('dashLimit')}</th>
              <th scope="col">{t('dashUnit')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.sla.map((r, i) => (
              <tr key={i}>
                <td>
                  <TypeSelect
                    label={t('dashSlaTypeAria', i + 1)}
                    value={r.stakeholderType}
                    onChange={(v) => set((p) => void (p.sla[i]!.stakeholderType = v))}
                  />
                </td>
                <td>
                  <ChannelSelect
                    label={t('dashSlaChannelAria', i + 1)}
                    value={r.channel}
                    onChange={(v) => set((p) => void (p.sla[i]!.channel = v))}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    step="any"
                    aria-label={t('dashSlaValueAria', slaName(r))}
                    value={Number.isFinite(r.limit.value) ? r.limit.value : ''}
                    onChange={(e) =>
                      set((p) => void (p.sla[i]!.limit.value = e.target.value === '' ? NaN : Number(e.target.value)))
                    }
                  />
                </td>
                <td>
                  <select
                    aria-label={t('dashSlaUnitAria', slaName(r))}
                    value={r.limit.unit}
                    onChange={(e) => set((p) => void (p.sla[i]!.limit.unit = e.target.value as Unit))}
                  >
                    {units.map((u) => (
                      <option key={u} value={u}>
                        {f.sla({ value: 1, unit: u }).replace(/^1 /, '')}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="pg-link"
                    aria-label={t('dashRemoveRule', slaName(r))}
                    onClick={() => set((p) => void p.sla.splice(i, 1))}
                  >
                    {t('dashRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="pg-button"
          onClick={() =>
            set(
              (p) =>
                void p.sla.push({
                  stakeholderType: 'customer',
                  channel: null,
                  limit: { value: 4, unit: 'working_hours' },
                }),
            )
          }
        >
          {t('dashAddSla')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('dashCadenceTitle')}</legend>
        <p className="pg-muted dash-hint">{t('dashCadenceEditHint')}</p>
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{t('dashColType')}</th>
              <th scope="col">{t('dashColTier')}</th>
              <th scope="col">{t('dashIdealDays')}</th>
              <th scope="col">{t('dashMaxDays')}</th>
              <th scope="col">{t('dashCountingChannels')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.cadence.map((r, i) => {
              const name = `${f.type(r.stakeholderType)} · ${r.tier ?? t('dashAnyTier')}`;
              return (
                <tr key={i}>
                  <td>
                    <TypeSelect
                      label={t('dashCadenceTypeAria', i + 1)}
                      value={r.stakeholderType}
                      onChange={(v) => set((p) => void (p.cadence[i]!.stakeholderType = v))}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      aria-label={t('dashCadenceTierAria', i + 1)}
                      placeholder={t('dashAnyTier')}
                      value={r.tier ?? ''}
                      onChange={(e) =>
                        set((p) => void (p.cadence[i]!.tier = e.target.value.trim() ? e.target.value : null))
                      }
                    />
                  </td>
                  <td>
                    <NumberInput
                      label={t('dashIdealDaysAria', name)}
                      value={r.idealDays}
                      onChange={(v) => set((p) => void (p.cadence[i]!.idealDays = v))}
                    />
                  </td>
                  <td>
                    <NumberInput
                      label={t('dashMaxDaysAria', name)}
                      value={r.maxDays}
                      onChange={(v) => set((p) => void (p.cadence[i]!.maxDays = v))}
                    />
                  </td>
                  <td>
                    <select
                      multiple
                      size={3}
                      aria-label={t('dashCountingChannelsAria', name)}
                      value={r.channels ?? []}
                      onChange={(e) => {
                        const picked = [...e.target.selectedOptions].map((o) => o.value as Channel);
                        set((p) => void (p.cadence[i]!.channels = picked.length ? picked : null));
                      }}
                    >
                      {channels.map((ch) => (
                        <option key={ch} value={ch}>
                          {f.channel(ch)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="pg-link"
                      aria-label={t('dashRemoveRule', name)}
                      onClick={() => set((p) => void p.cadence.splice(i, 1))}
                    >
                      {t('dashRemove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button
          type="button"
          className="pg-button"
          onClick={() =>
            set(
              (p) =>
                void p.cadence.push({
                  stakeholderType: 'customer',
                  tier: null,
                  idealDays: 21,
                  maxDays: 30,
                  channels: null,
                }),
            )
          }
        >
          {t('dashAddCadence')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('dashGoalsTitle')}</legend>
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{t('dashGoalLabelEn')}</th>
              <th scope="col">{t('dashGoalLabelZh')}</th>
              <th scope="col">{t('dashGoalMetric')}</th>
              <th scope="col">{t('dashColType')}</th>
              <th scope="col">{t('dashColChannel')}</th>
              <th scope="col">{t('dashColTier')}</th>
              <th scope="col">{t('dashColTarget')}</th>
              <th scope="col">{t('dashGoalPeriod')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.goals.map((g, i) => {
              const name = g.label.en || g.label.zh || g.id;
              return (
                <tr key={g.id}>
                  <td>
                    <input
                      type="text"
                      aria-label={t('dashGoalLabelEnAria', i + 1)}
                      value={g.label.en}
                      onChange={(e) => set((p) => void (p.goals[i]!.label.en = e.target.value))}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      aria-label={t('dashGoalLabelZhAria', i + 1)}
                      value={g.label.zh}
                      onChange={(e) => set((p) => void (p.goals[i]!.label.zh = e.target.value))}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t('dashGoalMetricAria', name)}
                      value={g.metric}
                      onChange={(e) => set((p) => void (p.goals[i]!.metric = e.target.value as Goal['metric']))}
                    >
                      {metrics.map((m) => (
                        <option key={m} value={m}>
                          {t(metricKey[m])}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <TypeSelect
                      label={t('dashGoalTypeAria', name)}
                      value={g.scope.stakeholderType}
                      any
                      onChange={(v) => set((p) => void (p.goals[i]!.scope.stakeholderType = v))}
                    />
                  </td>
                  <td>
                    <ChannelSelect
                      label={t('dashGoalChannelAria', name)}
                      value={g.scope.channel}
                      onChange={(v) => set((p) => void (p.goals[i]!.scope.channel = v))}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      aria-label={t('dashGoalTierAria', name)}
                      placeholder={t('dashAnyTier')}
                      value={g.scope.tier ?? ''}
                      onChange={(e) =>
                        set((p) => void (p.goals[i]!.scope.tier = e.target.value.trim() ? e.target.value : null))
                      }
                    />
                  </td>
                  <td className="dash-nowrap">
                    <select
                      aria-label={t('dashGoalComparatorAria', name)}
                      value={g.comparator}
                      onChange={(e) => set((p) => void (p.goals[i]!.comparator = e.target.value as Goal['comparator']))}
                    >
                      <option value=">=">≥</option>
                      <option value="<=">≤</option>
                    </select>{' '}
                    <NumberInput
                      label={t('dashGoalTargetAria', name)}
                      step="any"
                      value={isRate(g.metric) ? Math.round(g.target * 10000) / 100 : g.target}
                      onChange={(v) => set((p) => void (p.goals[i]!.target = isRate(g.metric) ? v / 100 : v))}
                    />{' '}
                    {isRate(g.metric) ? '%' : g.metric.endsWith('hours') ? t('dashUnitHours') : ''}
                  </td>
                  <td>
                    <select
                      aria-label={t('dashGoalPeriodAria', name)}
                      value={g.period}
                      onChange={(e) => set((p) => void (p.goals[i]!.period = e.target.value as Goal['period']))}
                    >
                      <option value="week">{t('dashWeek')}</option>
                      <option value="month">{t('dashMonth')}</option>
                      <option value="quarter">{t('dashQuarter')}</option>
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="pg-link"
                      aria-label={t('dashRemoveRule', name)}
                      onClick={() => set((p) => void p.goals.splice(i, 1))}
                    >
                      {t('dashRemove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button
          type="button"
          className="pg-button"
          onClick={() =>
            set(
              (p) =>
                void p.goals.push({
                  id: `goal-${Date.now().toString(36)}`,
                  label: { en: '', zh: '' },
                  metric: 'on_time_rate',
                  scope: { stakeholderType: null, channel: null, tier: null },
                  comparator: '>=',
                  target: 0.95,
                  period: 'month',
                }),
            )
          }
        >
          {t('dashAddGoal')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('dashCalendarTitle')}</legend>
        <p className="pg-muted dash-hint">{t('dashCalendarHint')}</p>
        <div className="pg-row">
          <div className="pg-field">
            <label htmlFor="dash-cal-tz">{t('dashTimeZone')}</label>
            <input
              id="dash-cal-tz"
              list="dash-zones"
              value={cal.timeZone}
              onChange={(e) => set((p) => void (p.calendar.timeZone = e.target.value.trim()))}
            />
            <datalist id="dash-zones">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
          <div className="pg-field">
            <label htmlFor="dash-cal-start">{t('dashWorkStart')}</label>
            <input
              id="dash-cal-start"
              type="time"
              value={cal.start}
              onChange={(e) => set((p) => void (p.calendar.start = e.target.value))}
            />
          </div>
          <div className="pg-field">
            <label htmlFor="dash-cal-end">{t('dashWorkEnd')}</label>
            <input
              id="dash-cal-end"
              type="time"
              value={cal.end}
              onChange={(e) => set((p) => void (p.calendar.end = e.target.value))}
            />
          </div>
        </div>
        <div role="group" aria-label={t('dashWorkDays')} className="dash-weekdays">
          <span className="cl-label">{t('dashWorkDays')}</span>
          {weekdayKeys.map((k, i) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={cal.workDays.includes(i + 1)}
                onChange={(e) =>
                  set((p) => {
                    const days = new Set(p.calendar.workDays);
                    if (e.target.checked) days.add(i + 1);
                    else days.delete(i + 1);
                    p.calendar.workDays = [...days].sort();
                  })
                }
              />
              {t(k)}
            </label>
          ))}
        </div>
        <div className="pg-row">
          <div className="pg-field">
            <label htmlFor="dash-cal-holidays">{t('dashHolidays')}</label>
            <textarea
              id="dash-cal-holidays"
              rows={5}
              value={holidays}
              onChange={(e) => setHolidays(e.target.value)}
              placeholder="2026-10-01"
            />
          </div>
          <div className="pg-field">
            <label htmlFor="dash-cal-extra">{t('dashExtraWorkDays')}</label>
            <textarea
              id="dash-cal-extra"
              rows={5}
              value={extraDays}
              onChange={(e) => setExtraDays(e.target.value)}
              placeholder="2026-10-11"
            />
          </div>
        </div>
      </fieldset>

      <div className="pg-actions dash-noprint">
        <button type="button" className="pg-button" disabled={busy} onClick={() => void check()}>
          {t('dashCheckStored')}
        </button>
        <button
          type="button"
          className="pg-button"
          disabled={busy}
          onClick={() => (setDraft(structuredClone(plan.plan)), setStep({ kind: 'idle' }))}
        >
          {t('dashDiscard')}
        </button>
        <button type="submit" className="pg-button pg-primary" disabled={busy}>
          {t('dashSavePlan')}
        </button>
      </div>
      <PlanNotice step={step} onRecompute={() => void recompute()} onKeep={() => setStep({ kind: 'idle' })} />
    </form>
  );
}

function PlanNotice({ step, onRecompute, onKeep }: { step: Step; onRecompute(): void; onKeep(): void }) {
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
}

function TypeSelect<A extends boolean = false>(props: {
  label: string;
  value: A extends true ? StakeholderType | null : StakeholderType;
  any?: A;
  onChange(v: A extends true ? StakeholderType | null : StakeholderType): void;
}) {
  const { lang } = useDashboard();
  const f = reportFormat(lang);
  type V = A extends true ? StakeholderType | null : StakeholderType;
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(e) => props.onChange((e.target.value || null) as V)}
    >
      {props.any && <option value="">{f.t('dashAnyType')}</option>}
      {stakeholderTypes.map((x) => (
        <option key={x} value={x}>
          {f.type(x)}
        </option>
      ))}
    </select>
  );
}

function ChannelSelect(props: { label: string; value: Channel | null; onChange(v: Channel | null): void }) {
  const { lang } = useDashboard();
  const f = reportFormat(lang);
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(e) => props.onChange((e.target.value || null) as Channel | null)}
    >
      <option value="">{f.t('dashAnyChannel')}</option>
      {channels.map((x) => (
        <option key={x} value={x}>
          {f.channel(x)}
        </option>
      ))}
    </select>
  );
}

function NumberInput(props: { label: string; value: number; step?: string; onChange(v: number): void }) {
  return (
    <input
      type="number"
      min={0}
      step={props.step ?? '1'}
      aria-label={props.label}
      value={Number.isFinite(props.value) ? props.value : ''}
      onChange={(e) => props.onChange(e.target.value === '' ? NaN : Number(e.target.value))}
    />
  );
}
