import type { Goal, GoalDrill, MetricsFilter, SurveyInstrument } from '@comms-log/shared';
import { toIso } from '../../../iso';

/*
 * Where the dashboard lists the records behind a goal's figure: the input of `metrics.interactions`,
 * `metrics.threads`, `evaluations.listSurveys` or `evaluations.listCoverage` for the goal's scope of the period.
 */

const instrumentOf: Record<'csat_mean' | 'satisfaction_rate' | 'nps' | 'score100_mean', SurveyInstrument> = {
  csat_mean: 'csat',
  satisfaction_rate: 'csat',
  nps: 'nps',
  score100_mean: 'score100',
};

/** The one value of a list filter, when it has exactly one (the evaluation lists filter by one value). */
const single = <T>(values: readonly T[] | undefined): T | undefined => (values?.length === 1 ? values[0] : undefined);

/** The threads behind a resolution goal, in their state at the end of the period as the goal reads them. */
function threadsDrill(goal: Goal, f: MetricsFilter, asOf: string): GoalDrill {
  const atMs = Math.min(Date.parse(asOf), Date.parse(f.to) - 1);
  // The rate is over every thread opened; first contact and resolution time over the resolved ones.
  const state = goal.metric === 'complaint_resolution_rate' ? undefined : (['resolved'] as const);
  return { kind: 'threads', filter: { filter: f, asOf: toIso(atMs), ...(state ? { state: [...state] } : {}) } };
}

/** The drill-down of a goal over its scope `f` of the period; null when it has none (cadence coverage). */
export function goalDrill(goal: Goal, f: MetricsFilter, asOf: string): GoalDrill | null {
  const { metric } = goal;
  const period = { from: f.from, to: f.to };
  switch (metric) {
    case 'on_time_rate':
    case 'mean_response_hours':
    case 'median_response_hours':
      return { kind: 'interactions', filter: { filter: f, waitsOnly: true, asOf } };
    case 'outbound_posts':
      return { kind: 'interactions', filter: { filter: { ...f, direction: 'outbound' }, waitsOnly: false } };
    case 'meetings':
      return { kind: 'interactions', filter: { filter: f, waitsOnly: false } };
    case 'coverage':
      return null;
    case 'complaint_resolution_rate':
    case 'first_contact_resolution_rate':
    case 'resolution_working_days':
      return threadsDrill(goal, f, asOf);
    case 'csat_mean':
    case 'satisfaction_rate':
    case 'nps':
    case 'score100_mean': {
      const stakeholderType = single(f.stakeholderType);
      const stakeholderId = single(f.stakeholderId);
      const dimension = goal.scope.dimension ?? undefined;
      return {
        kind: 'surveys',
        filter: { ...period, instrument: instrumentOf[metric], stakeholderType, stakeholderId, dimension },
      };
    }
    case 'positive_coverage_share':
    case 'negative_clarified_rate':
    case 'coverage_items': {
      const tone = metric === 'negative_clarified_rate' ? ('negative' as const) : undefined;
      return { kind: 'coverage', filter: { ...period, tone, outletStakeholderId: single(f.stakeholderId) } };
    }
    case 'interaction_rate':
      return { kind: 'interactions', filter: { filter: { ...f, direction: 'outbound' }, waitsOnly: false } };
    case 'attendance_rate':
      return { kind: 'interactions', filter: { filter: f, waitsOnly: false } };
    // Project items are dated by their due date, activities and cost have lists of their own: no interaction list.
    case 'delivery_on_time_rate':
    case 'execution_rate':
    case 'cost_share':
      return null;
  }
}
