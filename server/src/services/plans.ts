import { TRPCError } from '@trpc/server';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  defaultPlan,
  planSchema,
  type Plan,
  type PublicHolidaysResult,
  type planUpdateInputSchema,
  type publicHolidaysInputSchema,
} from '@comms-log/shared';
import { countryOfTimeZone, holidayCountries, publicHolidays } from '@comms-log/shared/public-holidays';
import type { z } from 'zod';
import type { DbOrTx } from '../db/client';
import { interactions, plans } from '../db/schema';
import { toIso } from '../iso';
import { jsonDiff } from './audit/diff';
import { record } from './audit/record';
import { recomputeOrg } from './derive';
import { runJob } from './jobs/run-job';
import { nowOf, type ServiceCtx } from './service-ctx';
import { moveDayCountsZone } from './metrics/day-counts-zone';

export interface StoredPlanRow {
  version: number;
  createdAt: number;
  plan: Plan;
}

/**
 * The org's default plan: the shared default, on the org's time zone, with the public holidays and make-up working
 * days of the zone's country for last year, this year and next (`holidays: false`: none, as in most tests).
 */
export async function seedPlan(timeZone: string, opts: { holidays?: boolean; now?: number } = {}): Promise<Plan> {
  const calendar = { ...defaultPlan.calendar, timeZone };
  const country = opts.holidays === false ? null : await countryOfTimeZone(timeZone);
  if (country) {
    const year = new Date(opts.now ?? Date.now()).getUTCFullYear();
    const days = await publicHolidays(country, year - 1, year + 1);
    calendar.holidays = days.holidays;
    calendar.extraWorkDays = days.extraWorkDays;
  }
  return { ...defaultPlan, calendar };
}

/**
 * A stored plan as the current schema reads it: keys a later version dropped are left out (the schema refuses
 * unknown keys on input), and defaults added since apply.
 */
export function readStoredPlan(stored: unknown): Plan {
  const value = structuredClone(stored) as Record<string, unknown>;
  for (let pass = 0; pass < 20; pass++) {
    const parsed = planSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const unknown = parsed.error.issues.filter((i) => i.code === 'unrecognized_keys');
    if (!unknown.length) break;
    for (const issue of unknown) {
      let target = value as Record<PropertyKey, unknown>;
      for (const step of issue.path) target = target[step] as Record<PropertyKey, unknown>;
      for (const key of issue.keys) delete target[key];
    }
  }
  return planSchema.parse(value);
}

/** A plan as read from its stored text, kept by org: the text is what it was parsed from. */
const parsedPlans = new Map<string, { text: string; plan: Plan }>();

/** `value` and everything in it made read-only: one parsed plan is shared by every read that finds the same text. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The org's current plan (highest version). Every org gets one at creation. The row is read each time (so a plan
 * saved by another connection, thread or process is seen at once), but its JSON is parsed and checked only when its
 * text differs from the last one this thread parsed for the org: that parse was most of a metrics read's CPU. The
 * plan returned is frozen.
 */
export async function currentPlan(db: DbOrTx, orgId: string): Promise<StoredPlanRow> {
  const [row] = await db
    .select({ version: plans.version, createdAt: plans.createdAt, text: sql<string>`${plans.plan}` })
    .from(plans)
    .where(eq(plans.orgId, orgId))
    .orderBy(desc(plans.version))
    .limit(1);
  if (!row) throw new Error(`org ${orgId} has no plan`);
  const known = parsedPlans.get(orgId);
  if (known?.text === row.text) return { version: row.version, createdAt: row.createdAt, plan: known.plan };
  // Stored plans were validated on the way in; read again so defaults added to the schema later apply.
  const plan = deepFreeze(readStoredPlan(JSON.parse(row.text)));
  parsedPlans.set(orgId, { text: row.text, plan });
  return { version: row.version, createdAt: row.createdAt, plan };
}

/** Store `plan` as the org's next version. */
export async function savePlan(
  db: DbOrTx,
  orgId: string,
  plan: Plan,
  userId: string | null,
  now = Date.now(),
): Promise<StoredPlanRow> {
  const [latest] = await db
    .select({ version: plans.version })
    .from(plans)
    .where(eq(plans.orgId, orgId))
    .orderBy(desc(plans.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  await db.insert(plans).values({ orgId, version, plan, createdAt: now, createdBy: userId });
  // The day counts follow the calendar's zone (docs/metrics.md "Roll-ups"); unchanged zones cost one read.
  await moveDayCountsZone(db, orgId, plan.calendar.timeZone);
  return { version, createdAt: now, plan };
}

/** A stored plan as the API gives it (`storedPlanSchema`). */
const toStored = (p: StoredPlanRow) => ({ version: p.version, updatedAt: toIso(p.createdAt), plan: p.plan });

export async function getPlan(ctx: ServiceCtx) {
  return toStored(await currentPlan(ctx.db, ctx.user.orgId));
}

/**
 * Store a new version of the plan: the sections given replace the current plan's (docs/api.md "Plan"). Refused
 * with CONFLICT when `version` is not the current one (the plan changed since it was read), with BAD_REQUEST when
 * the plan they make is invalid. Stored response figures are NOT recomputed (docs/metrics.md "Working time": never
 * silently); see `previewRecompute` and `recomputeUnderPlan`.
 */
export async function updatePlan(ctx: ServiceCtx, input: z.output<typeof planUpdateInputSchema>) {
  const now = nowOf(ctx);
  const orgId = ctx.user.orgId;
  return toStored(
    await ctx.db.transaction(async (tx) => {
      const current = await currentPlan(tx, orgId);
      if (input.version !== undefined && input.version !== current.version)
        throw new TRPCError({
          code: 'CONFLICT',
          message: `The plan changed since it was read: this change was made on version ${input.version}, the current one is version ${current.version} (saved ${toIso(current.createdAt)}). Read the plan again and make the change on it.`,
        });
      const { version: _read, ...sections } = input;
      const given = Object.fromEntries(Object.entries(sections).filter(([, v]) => v !== undefined));
      const parsed = planSchema.safeParse({ ...current.plan, ...given });
      if (!parsed.success)
        throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.message, cause: parsed.error });
      await keepUsedPurposes(tx, orgId, current.plan, parsed.data);
      const saved = await savePlan(tx, orgId, parsed.data, ctx.user.id, now);
      const changes = jsonDiff(current.plan, parsed.data);
      await record({ ...ctx, db: tx }, { action: 'plan.update', target: String(saved.version), detail: { changes } });
      return saved;
    }),
  );
}

/**
 * A purpose that stored interactions carry stays in the plan (retired, not removed), so that history keeps its
 * label: BAD_REQUEST naming the purposes `next` drops that are in use.
 */
async function keepUsedPurposes(db: DbOrTx, orgId: string, current: Plan, next: Plan): Promise<void> {
  const kept = new Set(next.purposes.map((p) => p.id));
  const dropped = current.purposes.map((p) => p.id).filter((id) => !kept.has(id));
  if (!dropped.length) return;
  const used = await db
    .select({ purpose: interactions.purpose, n: count() })
    .from(interactions)
    .where(and(eq(interactions.orgId, orgId), inArray(interactions.purpose, dropped)))
    .groupBy(interactions.purpose);
  if (!used.length) return;
  const list = used.map((u) => `${u.purpose} (${u.n} interactions)`).join(', ');
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: `purposes: interactions carry ${list}: a purpose in use cannot be removed; retire it instead (retired: true).`,
  });
}

/** How many interactions' response figures the current plan would change. */
export function previewRecompute(ctx: ServiceCtx) {
  return runJob(ctx, 'planRecompute', undefined, async (job) => {
    const { plan, version } = await currentPlan(ctx.db, ctx.user.orgId);
    const progress = (done: number, all: number) => job.progress('checking', done, all);
    const { changed, total } = await recomputeOrg(ctx.db, ctx.user.orgId, plan, {
      dryRun: true,
      shareEventLoop: true,
      progress,
    });
    return { version, changed, total };
  });
}

/**
 * Recompute every stored response figure of the org under the current plan, in chunks committed one by one (pushes
 * and other writes take turns between them); each chunk reads the plan current in its transaction, so a plan saved
 * meanwhile applies from the next chunk on and the version reported is the last one used.
 */
export function recomputeUnderPlan(ctx: ServiceCtx) {
  const now = nowOf(ctx);
  const orgId = ctx.user.orgId;
  return runJob(ctx, 'planRecompute', undefined, async (job) => {
    let version = (await currentPlan(ctx.db, orgId)).version;
    const planOf = async (tx: DbOrTx) => {
      const current = await currentPlan(tx, orgId);
      version = current.version;
      return current.plan;
    };
    const progress = (done: number, all: number) => job.progress('writing', done, all);
    const { changed, total } = await recomputeOrg(
      ctx.db,
      orgId,
      planOf,
      { dryRun: false, shareEventLoop: true, progress },
      now,
    );
    await record(ctx, { action: 'plan.recompute', target: String(version), detail: { changed, total } });
    return { version, changed, total };
  });
}

/**
 * A country's public holidays and make-up working days in the years asked (the org's time zone's country when none
 * is named), for the plan editor to load into the calendar; nothing is stored.
 */
export async function loadPublicHolidays(
  ctx: ServiceCtx,
  input: z.output<typeof publicHolidaysInputSchema>,
): Promise<PublicHolidaysResult> {
  const country =
    input.country?.toUpperCase() ??
    (await countryOfTimeZone((await currentPlan(ctx.db, ctx.user.orgId)).plan.calendar.timeZone));
  const countries = await holidayCountries();
  if (!country) return { country: null, source: null, holidays: [], extraWorkDays: [], countries };
  if (!(country in countries) && country !== 'CN')
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `country: ${country} is not a country whose holidays are known.`,
    });
  return { ...(await publicHolidays(country, input.from, input.to)), countries };
}
