import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MetricsFilter } from '@comms-log/shared';
import { localeTag, type MessageKey } from '../../lib/i18n';
import { customPeriod, periodDates, presetPeriod, type Period, type PeriodPreset } from '../../lib/report/period';
import { useT } from '../use-t';
import { DashboardContext, type DashboardEnv, type DrillSpec, type OrgUser } from './dashboard-context';
import { DirectoryView } from './directory/directory-view';
import { DrilldownDialog } from './drilldown/drilldown-dialog';
import { OverviewView } from './overview/overview-view';
import { noFilters, PeriodBar, type Filters, type PeriodChoice } from './period-bar';
import { PlanEditor } from './plan/plan-editor';
import { ReportView } from './report/report-view';
import { StatusLine } from './status-line';
import { useApiQuery } from './use-api-query';

type Tab = 'overview' | 'report' | 'plan' | 'directory';
const tabKey: Record<Tab, MessageKey> = {
  overview: 'dashTabOverview',
  report: 'dashTabReport',
  plan: 'dashTabPlan',
  directory: 'dashTabDirectory',
};

/** `?tab=report&period=last90` opens the page on that view and period (links, bookmarks, tests). */
function initialState(): { tab: Tab; preset: PeriodPreset } {
  const q = new URLSearchParams(location.search);
  const tab = q.get('tab');
  const preset = q.get('period');
  return {
    tab: tab === 'report' || tab === 'plan' || tab === 'directory' ? tab : 'overview',
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

/** The manager's page: period and filters on top, then the overview, the report, the plan and the directory. */
export function DashboardApp() {
  const { t, lang } = useT();
  const init = useMemo(initialState, []);
  const [tab, setTab] = useState<Tab>(init.tab);
  const [period, setPeriod] = useState<PeriodChoice>({ preset: init.preset, first: '', last: '' });
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [drillSpec, setDrillSpec] = useState<DrillSpec | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [asOf, setAsOf] = useState(() => new Date().toISOString());

  useEffect(() => {
    document.documentElement.lang = localeTag(lang);
    document.title = t('dashPageTitle');
  }, [lang, t]);

  // Asked all at once rather than after whoami: the figures wait on the plan's zone and the people, so every round
  // trip before them is time on the open path. The list of people is a manager's; staff see only themselves.
  const me = useApiQuery('whoami', (c) => c.auth.whoami.query());
  const canManage = me.data ? me.data.user.role !== 'staff' : false;
  const plan = useApiQuery('plan', (c) => c.plan.get.query());
  const orgUsers = useApiQuery(
    'users',
    async (c): Promise<OrgUser[]> =>
      (await c.users.list.query()).map((u) => ({ id: u.id, name: u.name, role: u.role })),
  );
  const stakeholders = useApiQuery(
    'stakeholders',
    async (c) => (await c.directory.list.query({ limit: 500, active: true })).items,
  );
  const users = canManage
    ? orgUsers
    : {
        data: me.data ? [{ id: me.data.user.id, name: me.data.user.name, role: me.data.user.role }] : undefined,
        loading: false,
        error: null,
      };

  const zone = plan.data?.plan.calendar.timeZone ?? me.data?.org.timeZone ?? 'UTC';
  const resolved: Period | null = useMemo(() => {
    if (period.preset !== 'custom') return presetPeriod(period.preset, new Date(asOf), zone);
    return customPeriod(period.first, period.last, zone);
  }, [period, zone, asOf]);

  const onPeriod = (p: PeriodChoice) => {
    // Switching to custom starts from the period on screen, so the dates are never blank.
    if (p.preset === 'custom' && period.preset !== 'custom' && resolved) {
      const d = periodDates(resolved, zone);
      p = { ...p, first: d.first, last: d.last };
    }
    setPeriod(p);
  };

  const bumpData = useCallback(() => {
    setAsOf(new Date().toISOString());
    setDataVersion((n) => n + 1);
  }, []);

  if (me.error || me.loading || !me.data) {
    return (
      <main className="dash-page">
        <h1>{t('dashPageTitle')}</h1>
        <StatusLine t={t} loading={me.loading} error={me.error} what={t('dashAccountWord')} />
        {me.error?.code === 'not-configured' || me.error?.code === 'unauthorized' ? (
          <button type="button" className="pg-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openOptions')}
          </button>
        ) : null}
      </main>
    );
  }
  if (!plan.data || !users.data) {
    return (
      <main className="dash-page">
        <h1>{t('dashPageTitle')}</h1>
        <StatusLine
          t={t}
          loading={plan.loading || users.loading}
          error={plan.error ?? users.error}
          what={t('dashPlanWord')}
        />
      </main>
    );
  }

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
  const tabs: Tab[] = canManage ? ['overview', 'report', 'plan', 'directory'] : ['overview', 'report'];
  const showsPeriod = tab === 'overview' || tab === 'report';

  return (
    <DashboardContext.Provider value={env}>
      <main className="dash-page">
        <header className="dash-head">
          <h1>{t('dashPageTitle')}</h1>
          <p className="pg-muted">
            {t('dashSignedInAs', me.data.user.name, me.data.org.name)} ·{' '}
            {canManage ? t('dashScopeTeam') : t('dashScopeOwn')}
          </p>
        </header>
        <nav role="tablist" aria-label={t('dashViews')} className="pg-tabs dash-tabs">
          {tabs.map((x) => (
            <button
              key={x}
              type="button"
              role="tab"
              id={`dash-tab-${x}`}
              aria-selected={tab === x}
              aria-controls={`dash-panel-${x}`}
              className="pg-tab"
              onClick={() => setTab(x)}
            >
              {t(tabKey[x])}
            </button>
          ))}
        </nav>
        {showsPeriod && (
          <PeriodBar
            t={t}
            period={period}
            onPeriod={onPeriod}
            customError={period.preset === 'custom' && !resolved}
            filters={filters}
            onFilters={setFilters}
            users={users.data}
            stakeholders={stakeholders.data ?? []}
            showPerson={canManage}
            onRefresh={bumpData}
          />
        )}
        <section role="tabpanel" id={`dash-panel-${tab}`} aria-labelledby={`dash-tab-${tab}`}>
          {tab === 'overview' && resolved && <OverviewView />}
          {tab === 'report' && resolved && <ReportView />}
          {tab === 'plan' && <PlanEditor />}
          {tab === 'directory' && <DirectoryView />}
        </section>
        {drillSpec && (
          <DrilldownDialog key={JSON.stringify(drillSpec)} spec={drillSpec} onClose={() => setDrillSpec(null)} />
        )}
      </main>
    </DashboardContext.Provider>
  );
}
