import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import type { MetricsFilter } from '@comms-log/shared';
import { localeTag, type MessageKey } from '../../lib/i18n';
import { presetPeriod, type Period, type PeriodPreset } from '../../lib/report/period';
import { useT, type T } from '../use-t';
import { ActivitiesView } from './activities/activities-view';
import { CostView } from './costs/cost-view';
import { CoverageView } from './coverage/coverage-view';
import { DashboardContext, useDashboard, type AnyDrill, type DashboardEnv } from './dashboard-context';
import { DirectoryView } from './directory/directory-view';
import { DrilldownDialog } from './drilldown/drilldown-dialog';
import { RecordsDialog } from './drilldown/records-dialog';
import { OverviewView } from './overview/overview-view';
import { noFilters, PeriodBar, type FilterField, type Filters } from './period-bar';
import { PlanEditor } from './plan/plan-editor';
import { ReportView } from './report/report-view';
import { StatusLine } from './status-line';
import { SurveysView } from './surveys/surveys-view';
import { useDashboardData } from './use-dashboard-data';
import { useDataVersion } from './use-data-version';
import { usePeriod } from './use-period';

const tabs = ['overview', 'report', 'surveys', 'coverage', 'activities', 'cost', 'plan', 'directory'] as const;
type Tab = (typeof tabs)[number];
const tabKey: Record<Tab, MessageKey> = {
  overview: 'dashTabOverview',
  report: 'dashTabReport',
  surveys: 'dashSurveyTab',
  coverage: 'dashCovTab',
  activities: 'dashActTab',
  cost: 'dashCostTab',
  plan: 'dashTabPlan',
  directory: 'dashTabDirectory',
};
/** The tabs staff see: their own figures and records; cost, the plan and the directory are managers'. */
const staffTabs: Tab[] = ['overview', 'report', 'surveys', 'coverage', 'activities'];

/**
 * The filters of the period bar each tab reads: survey responses have a stakeholder type and a stakeholder, media
 * reports an outlet (a stakeholder); neither has a channel, a tier of its own or a person filter.
 */
const tabFilters: Partial<Record<Tab, FilterField[]>> = {
  overview: ['type', 'tier', 'channel', 'userId', 'stakeholderId'],
  report: ['type', 'tier', 'channel', 'userId', 'stakeholderId'],
  surveys: ['type', 'stakeholderId'],
  coverage: ['stakeholderId'],
  activities: [],
  cost: [],
};

/** `?tab=report&period=last90` opens the page on that view and period (links, bookmarks, tests). */
function initialState(): { tab: Tab; preset: PeriodPreset } {
  const q = new URLSearchParams(location.search);
  const tab = q.get('tab');
  const preset = q.get('period');
  return {
    tab: tabs.find((x) => x === tab) ?? 'overview',
    preset: preset === 'week' || preset === 'quarter' || preset === 'last90' || preset === 'custom' ? preset : 'month',
  };
}

function buildFilter(period: Period, f: Filters): MetricsFilter {
  return {
    ...period,
    ...(f.type ? { stakeholderType: [f.type] } : {}),
    ...(f.tier ? { tier: [f.tier] } : {}),
    ...(f.channel ? { channel: [f.channel] } : {}),
    ...(f.userId ? { userId: [f.userId] } : {}),
    ...(f.stakeholderId ? { stakeholderId: [f.stakeholderId] } : {}),
  };
}

/**
 * The manager's page: period and filters on top, then the overview, the report, surveys, media coverage, the plan
 * and the directory.
 */
export function DashboardApp() {
  const { t, lang } = useT();
  const init = useMemo(initialState, []);
  const [tab, setTab] = useState<Tab>(init.tab);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [drillSpec, setDrillSpec] = useState<AnyDrill | null>(null);
  const { asOf, dataVersion, bumpData } = useDataVersion();

  useEffect(() => {
    document.documentElement.lang = localeTag(lang);
    document.title = t('dashPageTitle');
  }, [lang, t]);

  const data = useDashboardData();
  const { me, canManage, plan, users, stakeholders } = data;
  const zone = plan.data?.plan.calendar.timeZone ?? me.data?.org.timeZone ?? 'UTC';
  const { period, resolved, onPeriod } = usePeriod(init.preset, asOf, zone);

  if (me.error || me.loading || !me.data || !plan.data || !users.data) return <NotLoaded t={t} data={data} />;

  const userNames = new Map(users.data.map((u) => [u.id, u.name]));
  const env: DashboardEnv = {
    t,
    lang,
    me: me.data,
    canManage,
    plan: plan.data,
    reloadPlan: plan.reload,
    zone,
    users: users.data,
    userName: (id) => (id ? (userNames.get(id) ?? id) : t('dashUnknown')),
    stakeholders: stakeholders.data ?? [],
    reloadStakeholders: stakeholders.reload,
    filter: buildFilter(resolved ?? presetPeriod('month', new Date(asOf), zone), filters),
    asOf,
    drill: setDrillSpec,
    dataVersion,
    bumpData,
  };
  const fields = tabFilters[tab];

  return (
    <DashboardContext.Provider value={env}>
      <DashboardPage
        tab={tab}
        onTab={setTab}
        periodReady={resolved !== null}
        drillSpec={drillSpec}
        onCloseDrill={() => setDrillSpec(null)}
        periodBar={
          fields && (
            <PeriodBar
              t={t}
              period={period}
              onPeriod={onPeriod}
              customError={period.preset === 'custom' && !resolved}
              filters={filters}
              onFilters={setFilters}
              users={users.data}
              stakeholders={stakeholders.data ?? []}
              fields={canManage ? fields : fields.filter((x) => x !== 'userId')}
              onRefresh={bumpData}
            />
          )
        }
      />
    </DashboardContext.Provider>
  );
}

/** The loaded page: who is signed in, the tabs, the period bar (`periodBar`), the chosen view and a drill-down. */
function DashboardPage(props: {
  tab: Tab;
  onTab(tab: Tab): void;
  periodBar: ReactNode;
  /** The period resolves (a custom one can be invalid): the figures can be asked for. */
  periodReady: boolean;
  drillSpec: AnyDrill | null;
  onCloseDrill(): void;
}) {
  const { t, me, canManage } = useDashboard();
  const { tab, periodReady, drillSpec } = props;
  return (
    <main className="dash-page">
      <header className="dash-head">
        <h1>{t('dashPageTitle')}</h1>
        <p className="pg-muted">
          {t('dashSignedInAs', me.user.name, me.org.name)} · {canManage ? t('dashScopeTeam') : t('dashScopeOwn')}
        </p>
      </header>
      <DashboardTabs t={t} tabs={canManage ? [...tabs] : staffTabs} tab={tab} onTab={props.onTab} />
      {props.periodBar}
      <section role="tabpanel" id={`dash-panel-${tab}`} aria-labelledby={`dash-tab-${tab}`}>
        {tab === 'overview' && periodReady && <OverviewView />}
        {tab === 'report' && periodReady && <ReportView />}
        {tab === 'surveys' && periodReady && <SurveysView />}
        {tab === 'coverage' && periodReady && <CoverageView />}
        {tab === 'activities' && periodReady && <ActivitiesView />}
        {tab === 'cost' && periodReady && canManage && <CostView />}
        {tab === 'plan' && <PlanEditor />}
        {tab === 'directory' && <DirectoryView />}
      </section>
      {drillSpec &&
        ('records' in drillSpec ? (
          <RecordsDialog key={JSON.stringify(drillSpec)} spec={drillSpec} onClose={props.onCloseDrill} />
        ) : (
          <DrilldownDialog key={JSON.stringify(drillSpec)} spec={drillSpec} onClose={props.onCloseDrill} />
        ))}
    </main>
  );
}

/** The page before the figures can show: its title and what it is waiting for, or why it cannot. */
function NotLoaded({ t, data }: { t: T; data: ReturnType<typeof useDashboardData> }) {
  const { me, plan, users } = data;
  const signIn = me.error?.code === 'not-configured' || me.error?.code === 'unauthorized';
  return (
    <main className="dash-page">
      <h1>{t('dashPageTitle')}</h1>
      {me.error || me.loading || !me.data ? (
        <>
          <StatusLine t={t} loading={me.loading} error={me.error} what={t('dashAccountWord')} />
          {signIn ? (
            <button type="button" className="pg-button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('openOptions')}
            </button>
          ) : null}
        </>
      ) : (
        <StatusLine
          t={t}
          loading={plan.loading || users.loading}
          error={plan.error ?? users.error}
          what={t('dashPlanWord')}
        />
      )}
    </main>
  );
}

function DashboardTabs({ t, tabs, tab, onTab }: { t: T; tabs: Tab[]; tab: Tab; onTab(tab: Tab): void }) {
  return (
    <div role="tablist" aria-label={t('dashViews')} className="pg-tabs dash-tabs">
      {tabs.map((x) => (
        <button
          key={x}
          type="button"
          role="tab"
          id={`dash-tab-${x}`}
          aria-selected={tab === x}
          aria-controls={`dash-panel-${x}`}
          className="pg-tab"
          onClick={() => onTab(x)}
        >
          {t(tabKey[x])}
        </button>
      ))}
    </div>
  );
}
