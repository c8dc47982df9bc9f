import { ulid } from 'ulid';
import { expect, it } from 'vitest';
import { freshOrgPerTest, type TestOrg } from '../../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

function csvOf(rows: number): string {
  const lines = ['name,type,emails'];
  for (let i = 0; i < rows; i++) lines.push(`Company ${i},customer,desk${i}@co${i}.cn`);
  return lines.join('\n');
}

/** The job's `done` of each phase as `jobs.get` showed it, polled until the job ended. */
async function pollUntilEnded(jobId: string, ended: () => boolean) {
  const seen: { phase: string; done: number }[] = [];
  while (!ended()) {
    await new Promise((r) => setTimeout(r, 2));
    const job = await t.manager.caller.jobs.get({ id: jobId }).catch(() => null);
    if (job) seen.push({ phase: job.phase, done: job.done });
  }
  return seen;
}

it('shows an import’s progress advancing to its person, and ends finished', async () => {
  const jobId = ulid();
  let ended = false;
  const running = t.manager.caller.directory.importCsv({ csv: csvOf(600), jobId }).finally(() => {
    ended = true;
  });
  const seen = await pollUntilEnded(jobId, () => ended);
  expect((await running).created).toBe(600);

  const writing = seen.filter((s) => s.phase === 'writing').map((s) => s.done);
  expect(new Set(writing).size).toBeGreaterThanOrEqual(2);
  expect(writing).toEqual([...writing].sort((a, b) => a - b));
  expect(await t.manager.caller.jobs.get({ id: jobId })).toMatchObject({
    kind: 'stakeholderImport',
    state: 'finished',
    phase: 'done',
    done: 600,
    total: 600,
    message: null,
  });
}, 60_000);

it('keeps a failed job with its message in plain words', async () => {
  const jobId = ulid();
  await expect(
    t.manager.caller.directory.importCsv({ csv: 'name,type,colour\nA,customer,red', dryRun: true, jobId }),
  ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  const job = await t.manager.caller.jobs.get({ id: jobId });
  expect(job).toMatchObject({ kind: 'stakeholderImportPreview', state: 'failed', phase: 'done' });
  expect(job.message).toMatch(/^Unknown column\(s\): colour\./);
});

it('shows a job to the person who started it only', async () => {
  const jobId = ulid();
  await t.manager.caller.directory.importCsv({ csv: csvOf(3), dryRun: true, jobId });
  expect((await t.manager.caller.jobs.list({})).items.map((j) => j.id)).toContain(jobId);
  for (const other of [t.admin, t.staff]) {
    await expect(other.caller.jobs.get({ id: jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.caller.jobs.list({})).items.map((j) => j.id)).not.toContain(jobId);
  }
  // An id in use cannot be taken for another job, by anyone.
  await expect(t.admin.caller.directory.importCsv({ csv: csvOf(3), dryRun: true, jobId })).rejects.toMatchObject({
    code: 'CONFLICT',
  });
});

it('lists a plan recompute among its person’s jobs', async () => {
  await t.manager.caller.plan.recompute();
  const [job] = (await t.manager.caller.jobs.list({})).items;
  expect(job).toMatchObject({ kind: 'planRecompute', state: 'finished' });
  expect((await t.manager.caller.jobs.list({ running: true })).items).toEqual([]);
});

it('lists a report build among its person’s jobs, with the parts it has built', async () => {
  const filter = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
  await t.manager.caller.reports.period({ filter, language: 'zh-CN' });
  const [job] = (await t.manager.caller.jobs.list({})).items;
  expect(job).toMatchObject({ kind: 'reportBuild', state: 'finished', phase: 'done', done: 6, total: 6 });
  expect((await t.staff.caller.jobs.list({})).items).toEqual([]);
});
