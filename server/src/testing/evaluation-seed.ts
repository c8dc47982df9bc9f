import { ulid } from 'ulid';
import { interactionData, pushAccepted, type TestMember, type TestOrg } from './test-org';

/* Test files only: conversations with outcomes, survey responses and media reports for the evaluation figures. */

/** Mon 9 – Sun 15 March 2026 in Shanghai; the default calendar works Mon–Fri 09:00–18:00. */
export const period = { from: '2026-03-09T00:00:00+08:00', to: '2026-03-16T00:00:00+08:00' };
export const at = (dayTime: string) => `2026-03-${dayTime}:00+08:00`;

const message = (thread: string, when: string, over: Record<string, unknown> = {}) =>
  interactionData({ threadKey: `gmail:${thread}`, occurredAt: at(when), purpose: 'complaint', ...over });
export const ours = (thread: string, when: string) =>
  message(thread, when, { direction: 'outbound', author: { name: 'Sam', handle: 'sam@us.test' } });

/**
 * Sam's complaints opened in the period: t1 resolved at first contact in 5 working hours; t2 answered twice and
 * resolved in 9 working hours (1 day); t3 resolved, reopened, answered again and resolved after 18 working hours; t4
 * never answered; t5 resolved and reopened. Besides: t0 opened the week before, a product-feedback thread, a
 * partner issue resolved in 27 working hours (3 days), and Tao's complaint t9.
 */
export async function seedThreads(org: TestOrg) {
  const resolve = (who: TestMember, thread: string, when: string) =>
    who.caller.threads.resolve({ threadKey: `gmail:${thread}`, resolvedAt: at(when) });
  const reopen = (who: TestMember, thread: string, when: string) =>
    who.caller.threads.reopen({ threadKey: `gmail:${thread}`, reopenedAt: at(when) });
  await pushAccepted(org.staff, [
    message('t0', '06T10:00'),
    message('t0', '09T10:00'),
    message('t1', '09T10:00', { title: 'Broken lid' }),
    ours('t1', '09T11:00'),
    message('t2', '10T09:00'),
    ours('t2', '10T10:00'),
    ours('t2', '10T12:00'),
    message('t3', '11T10:00'),
    ours('t3', '11T11:00'),
    ours('t3', '12T11:00'),
    message('t4', '12T10:00'),
    message('t5', '13T10:00'),
    ours('t5', '13T10:30'),
    message('fb', '09T10:00', { purpose: 'product_feedback' }),
    message('p1', '09T09:00', { stakeholderType: 'partner', purpose: 'project_sync' }),
  ]);
  await pushAccepted(org.staff2, [message('t9', '10T11:00')]);
  await resolve(org.staff, 't1', '09T15:00');
  await resolve(org.staff, 't2', '11T09:00');
  await resolve(org.staff, 't3', '11T14:00');
  await reopen(org.staff, 't3', '12T10:00');
  await resolve(org.staff, 't3', '13T10:00');
  await resolve(org.staff, 't5', '13T11:00');
  await reopen(org.staff, 't5', '13T12:00');
  await resolve(org.staff, 'fb', '09T12:00');
  await resolve(org.staff, 'p1', '12T09:00');
}

type SurveyInput = Parameters<TestMember['caller']['evaluations']['recordSurvey']>[0];

/**
 * Survey responses answered in the period. Sam: customer CSAT 5, 4, 3, 5 (1–5) and 7 (1–7); customer NPS 10, 9, 9,
 * 8, 6; partner 0–100 scores 80 and 90 for "project delivery"; a partner CSAT of 2; a customer CSAT of 1 answered
 * after the period. Tao: a customer CSAT of 1.
 */
export async function seedSurveys(org: TestOrg) {
  const record = (who: TestMember, r: Omit<SurveyInput, 'id' | 'stakeholderType'> & Partial<SurveyInput>) =>
    who.caller.evaluations.recordSurvey({ id: ulid(), stakeholderType: 'customer', ...r } as SurveyInput);
  const day = (d: string) => `2026-03-${d}`;
  for (const [score, dimension] of [
    [5, 'usability'],
    [4, 'usability'],
    [3, 'service'],
    [5, 'service'],
  ] as const)
    await record(org.staff, { instrument: 'csat', score, dimension, answeredAt: day('10') });
  await record(org.staff, { instrument: 'csat', score: 7, scale: 7, dimension: 'usability', answeredAt: day('11') });
  for (const score of [10, 9, 9, 8, 6]) await record(org.staff, { instrument: 'nps', score, answeredAt: day('12') });
  for (const score of [80, 90])
    await record(org.staff, {
      instrument: 'score100',
      score,
      stakeholderType: 'partner',
      dimension: 'project delivery',
      answeredAt: at('13T10:00'),
    });
  await record(org.staff, { instrument: 'csat', score: 2, stakeholderType: 'partner', answeredAt: day('13') });
  await record(org.staff, { instrument: 'csat', score: 1, answeredAt: day('20') });
  await record(org.staff2, { instrument: 'csat', score: 1, answeredAt: day('14') });
}

/**
 * Media reports of one key outlet. Sam: published in the period three positive, one neutral, one negative clarified
 * on Friday 10:00, one negative never clarified, one not yet judged; one positive after the period. Tao: one
 * negative, clarified the next day.
 */
export async function seedCoverage(org: TestOrg): Promise<{ outletId: string }> {
  const outlet = await org.manager.caller.directory.create({ name: 'Daily News', type: 'media', tier: 'key' });
  let n = 0;
  const record = (who: TestMember, day: string, tone: 'positive' | 'neutral' | 'negative' | null, clarified?: string) =>
    who.caller.evaluations.recordCoverage({
      id: ulid(),
      outletStakeholderId: outlet.id,
      title: `Report ${++n}`,
      url: `https://news.example/${n}`,
      publishedAt: at(`${day}T08:00`),
      tone,
      ...(clarified ? { clarifiedAt: at(clarified) } : {}),
    });
  await record(org.staff, '09', 'positive');
  await record(org.staff, '10', 'positive');
  await record(org.staff, '11', 'positive');
  await record(org.staff, '12', 'neutral');
  await record(org.staff, '12', 'negative', '13T10:00');
  await record(org.staff, '13', 'negative');
  await record(org.staff, '14', null);
  await record(org.staff, '20', 'positive');
  await record(org.staff2, '10', 'negative', '11T10:00');
  return { outletId: outlet.id };
}
