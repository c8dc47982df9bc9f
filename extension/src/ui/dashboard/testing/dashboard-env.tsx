import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { defaultPlan, type Stakeholder } from '@comms-log/shared';
import { translate, type Lang, type MessageKey } from '../../../lib/i18n';
import { DashboardContext, type AnyDrill, type DashboardEnv } from '../dashboard-context';

/** A directory entry for render tests. */
export function testStakeholder(id: string, name: string, type: Stakeholder['type']): Stakeholder {
  return {
    id,
    name,
    type,
    tier: 'standard',
    organization: null,
    ownerUserId: null,
    cadenceOverride: null,
    active: true,
    identities: [],
    createdAt: '2026-01-05T00:00:00Z',
    updatedAt: '2026-01-05T00:00:00Z',
  };
}

/**
 * What the dashboard's views read from the page, for render tests: a manager (or `role`) of an org in Shanghai on
 * the default plan, March 2026, in `lang`; `drills` collects what the figures open.
 */
export function testEnv(lang: Lang, more: Partial<DashboardEnv> & { role?: 'staff' | 'manager' } = {}) {
  const drills: AnyDrill[] = [];
  const { role = 'manager', ...rest } = more;
  const env: DashboardEnv = {
    t: (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs),
    lang,
    me: {
      user: { id: 'u-me', name: 'Li Na', email: 'li.na@example.com', role },
      org: { id: 'o1', name: 'Northwind', timeZone: 'Asia/Shanghai', captureLevel: 'subject' },
    },
    canManage: role !== 'staff',
    plan: { version: 1, updatedAt: '2026-01-01T00:00:00Z', plan: defaultPlan },
    reloadPlan: () => {},
    zone: 'Asia/Shanghai',
    users: [{ id: 'u-me', name: 'Li Na', role }],
    userName: (id) => (id === 'u-me' ? 'Li Na' : (id ?? '')),
    stakeholders: [
      testStakeholder('s-acme', 'Acme Robotics', 'customer'),
      testStakeholder('s-daily', 'Daily Tech', 'media'),
    ],
    reloadStakeholders: () => {},
    filter: { from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' },
    asOf: '2026-03-20T04:00:00.000Z',
    drill: (spec) => drills.push(spec),
    dataVersion: 0,
    bumpData: () => {},
    ...rest,
  };
  return { env, drills };
}

/** Renders `ui` inside the dashboard's context. */
export function renderInDashboard(ui: ReactNode, env: DashboardEnv) {
  return render(<DashboardContext.Provider value={env}>{ui}</DashboardContext.Provider>);
}
