import { createContext, useContext } from 'react';
import type {
  GoalDrill,
  MetricsFilter,
  MetricsInteractionsInput,
  Stakeholder,
  StoredPlan,
  Whoami,
} from '@comms-log/shared';
import type { Lang } from '../../lib/i18n';
import type { T } from '../use-t';

export interface OrgUser {
  id: string;
  name: string;
  role: string;
}

/** What a drill-down lists: a figure's filter and key, as `metrics.interactions` takes them. */
export interface DrillSpec {
  title: string;
  input: Omit<MetricsInteractionsInput, 'cursor' | 'limit'>;
}

/** The threads, survey responses or media reports behind a goal's figure, as the goal's `drill` names them. */
export interface RecordsDrill {
  title: string;
  records: Exclude<GoalDrill, { kind: 'interactions' }>;
}

/** Any list a figure opens: its interactions, or the evaluation records behind it. */
export type AnyDrill = DrillSpec | RecordsDrill;

export interface DashboardEnv {
  t: T;
  lang: Lang;
  me: Whoami;
  canManage: boolean;
  plan: StoredPlan;
  reloadPlan(): void;
  /** The plan calendar's zone: the days, weeks and months of every figure. */
  zone: string;
  users: OrgUser[];
  userName(id: string | null): string;
  stakeholders: Stakeholder[];
  reloadStakeholders(): void;
  /** The period and filters chosen at the top of the page. */
  filter: MetricsFilter;
  /** The instant figures are evaluated at, fixed per load so every view agrees. */
  asOf: string;
  drill(spec: AnyDrill): void;
  /** Bumped when data behind the figures changed (plan recomputed, directory edited). */
  dataVersion: number;
  bumpData(): void;
}

export const DashboardContext = createContext<DashboardEnv | null>(null);

export function useDashboard(): DashboardEnv {
  const env = useContext(DashboardContext);
  if (!env) throw new Error('useDashboard outside the dashboard');
  return env;
}
