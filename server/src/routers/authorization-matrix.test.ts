import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { DbHandle } from '../db/client';
import { callProcedure, leakIn } from '../testing/http';
import { procedureExamples } from '../testing/procedure-examples';
import { probeIds, seedProbeOrg, type ProbeRecords } from '../testing/probe-org';
import { hashTables } from '../testing/table-hash';
import { createTestDb, createTestOrg, type TestOrg } from '../testing/test-org';
import { appRouter } from './_app';

/*
 * The authorization matrix (docs/api.md "Roles"): every procedure of the router × every role (none, staff, manager,
 * admin) × another org's ids. Who may call what is written out below, one row per procedure: a procedure added to
 * the router without a row fails this test. A row's probes name the other org's records; an allowed caller must
 * never see them (their texts carry THEIRS) nor change them, and a `refused` row must be refused.
 */

type Rule = 'public' | 'authed' | 'manager' | 'admin';
/**
 * Who may call the procedure, and what naming another org's records (`procedureExamples`) gets an allowed caller:
 * `refused` (4xx), or `answers` without showing any of them.
 */
type Probe = { rule: Rule; expect: 'refused' | 'answers' };

const matrix: Record<string, Probe> = {
  'auth.whoami': { rule: 'authed', expect: 'answers' },
  'auth.tokens.list': { rule: 'authed', expect: 'answers' },
  'auth.tokens.create': { rule: 'authed', expect: 'refused' },
  'auth.tokens.revoke': { rule: 'authed', expect: 'refused' },
  'audit.list': { rule: 'admin', expect: 'answers' },
  'privacy.export': { rule: 'admin', expect: 'refused' },
  'privacy.erase': { rule: 'admin', expect: 'refused' },
  'privacy.allowHandle': { rule: 'admin', expect: 'refused' },
  'sync.push': { rule: 'authed', expect: 'answers' },
  'sync.pull': { rule: 'authed', expect: 'answers' },
  'directory.list': { rule: 'authed', expect: 'answers' },
  'directory.get': { rule: 'authed', expect: 'refused' },
  'directory.create': { rule: 'authed', expect: 'refused' },
  'directory.update': { rule: 'manager', expect: 'refused' },
  'directory.delete': { rule: 'manager', expect: 'refused' },
  'directory.addIdentity': { rule: 'authed', expect: 'refused' },
  'directory.removeIdentity': { rule: 'manager', expect: 'refused' },
  'directory.match': { rule: 'authed', expect: 'answers' },
  'directory.importCsv': { rule: 'manager', expect: 'answers' },
  'directory.merge': { rule: 'manager', expect: 'refused' },
  'directory.suggestions': { rule: 'manager', expect: 'answers' },
  'directory.assignHandle': { rule: 'manager', expect: 'refused' },
  'directory.dismissHandle': { rule: 'manager', expect: 'answers' },
  'directory.undismissHandle': { rule: 'manager', expect: 'answers' },
  'plan.get': { rule: 'authed', expect: 'answers' },
  'plan.update': { rule: 'manager', expect: 'answers' },
  'plan.recomputePreview': { rule: 'manager', expect: 'answers' },
  'plan.recompute': { rule: 'manager', expect: 'answers' },
  'plan.publicHolidays': { rule: 'authed', expect: 'answers' },
  'settings.get': { rule: 'authed', expect: 'answers' },
  'settings.update': { rule: 'authed', expect: 'answers' },
  'mail.getSchedule': { rule: 'admin', expect: 'answers' },
  'mail.setSchedule': { rule: 'admin', expect: 'answers' },
  'mail.sends': { rule: 'admin', expect: 'answers' },
  'users.list': { rule: 'manager', expect: 'answers' },
  'users.create': { rule: 'admin', expect: 'answers' },
  'users.update': { rule: 'admin', expect: 'refused' },
  'siteHealth.report': { rule: 'authed', expect: 'answers' },
  'siteHealth.list': { rule: 'admin', expect: 'answers' },
  'jobs.get': { rule: 'authed', expect: 'refused' },
  'jobs.list': { rule: 'authed', expect: 'answers' },
  'metrics.totals': { rule: 'authed', expect: 'answers' },
  'metrics.responseTimes': { rule: 'authed', expect: 'answers' },
  'metrics.coverage': { rule: 'authed', expect: 'answers' },
  'metrics.cadence': { rule: 'authed', expect: 'answers' },
  'metrics.interactions': { rule: 'authed', expect: 'answers' },
  'metrics.threads': { rule: 'authed', expect: 'answers' },
  'followups.overdue': { rule: 'authed', expect: 'refused' },
  'followups.list': { rule: 'authed', expect: 'refused' },
  'followups.create': { rule: 'authed', expect: 'refused' },
  'followups.complete': { rule: 'authed', expect: 'refused' },
  'followups.snooze': { rule: 'authed', expect: 'refused' },
  'followups.closeWait': { rule: 'authed', expect: 'refused' },
  'followups.closures': { rule: 'manager', expect: 'answers' },
  'followups.team': { rule: 'manager', expect: 'refused' },
  'reports.period': { rule: 'authed', expect: 'answers' },
  'reports.goals': { rule: 'authed', expect: 'answers' },
  'reports.save': { rule: 'manager', expect: 'answers' },
  'reports.list': { rule: 'manager', expect: 'answers' },
  'reports.get': { rule: 'manager', expect: 'refused' },
  'reports.compare': { rule: 'manager', expect: 'refused' },
  'threads.get': { rule: 'authed', expect: 'refused' },
  'threads.resolve': { rule: 'authed', expect: 'refused' },
  'threads.reopen': { rule: 'authed', expect: 'refused' },
  'evaluations.recordSurvey': { rule: 'authed', expect: 'refused' },
  'evaluations.importSurveysCsv': { rule: 'authed', expect: 'answers' },
  'evaluations.listSurveys': { rule: 'authed', expect: 'answers' },
  'evaluations.recordCoverage': { rule: 'authed', expect: 'refused' },
  'evaluations.updateCoverage': { rule: 'authed', expect: 'refused' },
  'evaluations.importCoverageCsv': { rule: 'authed', expect: 'answers' },
  'evaluations.listCoverage': { rule: 'authed', expect: 'answers' },
  'evaluations.recordCost': { rule: 'manager', expect: 'answers' },
  'evaluations.setRevenue': { rule: 'manager', expect: 'answers' },
  'evaluations.listCosts': { rule: 'manager', expect: 'answers' },
  'activities.create': { rule: 'authed', expect: 'refused' },
  'activities.update': { rule: 'authed', expect: 'refused' },
  'activities.list': { rule: 'authed', expect: 'answers' },
};

const roleRank = { none: 0, staff: 1, manager: 2, admin: 3 } as const;
const ruleRank: Record<Rule, number> = { public: 0, authed: 1, manager: 2, admin: 3 };
type Role = keyof typeof roleRank;

let handle: DbHandle;
let app: ReturnType<typeof createApp>;
let t: TestOrg;
let other: TestOrg;
let theirs: ProbeRecords;

beforeAll(async () => {
  handle = await createTestDb();
  app = createApp({ db: handle.db, logError: () => {} });
  t = await createTestOrg(handle);
  other = await createTestOrg(handle);
  await seedProbeOrg(handle, t, 'OURS');
  theirs = await seedProbeOrg(handle, other, 'THEIRS');
});
afterAll(() => handle?.close());

const paths = Object.keys(appRouter._def.procedures as object).sort();
const tokenOf = (role: Role) => (role === 'none' ? null : t[role].token);

describe('the authorization matrix', () => {
  it('has a row for every procedure of the router, and none for a procedure that is gone', () => {
    expect(Object.keys(matrix).sort()).toEqual(paths);
    expect(Object.keys(procedureExamples).sort()).toEqual(paths);
  });

  for (const path of paths) {
    it(path, async () => {
      const probe = matrix[path];
      const examples = procedureExamples[path];
      if (!probe) throw new Error(`${path} has no row in the authorization matrix: say who may call it`);
      if (!examples) throw new Error(`${path} has no row in procedureExamples: give an input naming records`);
      const theirIds = [other.org.id, ...probeIds(theirs)];
      for (const role of Object.keys(roleRank) as Role[]) {
        for (const input of examples(theirs)) {
          const allowed = roleRank[role] >= ruleRank[probe.rule];
          const before = await hashTables(handle, allowed ? other.org.id : undefined);
          const res = await callProcedure(app, path, input, tokenOf(role));
          const shown = `${role} → ${path} ${JSON.stringify(input)}: ${res.status} ${res.text.slice(0, 300)}`;
          expect(res.status, shown).toBeLessThan(500);
          expect(leakIn(res.text), shown).toBeNull();
          // The role check's own refusal (trpc.ts), told from a service's FORBIDDEN (e.g. staff naming a colleague).
          const roleRefusal = /can do this; you are/.test(res.text);
          if (!allowed) {
            expect(res.status, shown).toBe(role === 'none' ? 401 : 403);
            expect(roleRefusal || role === 'none', shown).toBe(true);
            expect(await hashTables(handle), `${shown}: changed the tables`).toBe(before);
            continue;
          }
          expect(roleRefusal, shown).toBe(false);
          // Their texts never show; their ids only where the input named them (a refusal may echo one).
          expect(res.text, shown).not.toContain('THEIRS');
          const echoed = JSON.stringify(input ?? null);
          for (const id of theirIds)
            if (!echoed.includes(id)) expect(res.text, `${shown}: shows ${id}`).not.toContain(id);
          expect(await hashTables(handle, other.org.id), `${shown}: changed the other org`).toBe(before);
          if (probe.expect === 'refused') expect(res.status, shown).toBeGreaterThanOrEqual(400);
          else if (res.status >= 400) expect(res.status, shown).not.toBe(401);
        }
      }
    });
  }
});
