import { TRPCError } from '@trpc/server';
import type { Job, JobKind, JobPhase } from '@comms-log/shared';
import { ulid } from 'ulid';
import { toIso } from '../../iso';

/*
 * The running and recently ended long jobs of this server process, in memory (docs/api.md "jobs"): a job is seen
 * only by the process that runs it, and by the user who started it.
 */

/** How long an ended job stays readable, and how many ended jobs a user keeps at most. */
const KEEP_ENDED_MS = 15 * 60_000;
const KEEP_ENDED_PER_USER = 20;

interface JobEntry extends Job {
  userId: string;
  endedMs: number | null;
}

const entries = new Map<string, JobEntry>();

/** The job as the API shows it. */
function shown(e: JobEntry): Job {
  const { userId: _user, endedMs: _ended, ...job } = e;
  return { ...job };
}

/** Forget ended jobs older than KEEP_ENDED_MS, and a user's ended jobs beyond the newest KEEP_ENDED_PER_USER. */
function prune(now: number): void {
  const endedByUser = new Map<string, JobEntry[]>();
  for (const e of entries.values()) {
    if (e.endedMs === null) continue;
    if (now - e.endedMs > KEEP_ENDED_MS) entries.delete(e.id);
    else endedByUser.set(e.userId, [...(endedByUser.get(e.userId) ?? []), e]);
  }
  for (const ended of endedByUser.values()) {
    ended.sort((a, b) => b.endedMs! - a.endedMs!);
    for (const e of ended.slice(KEEP_ENDED_PER_USER)) entries.delete(e.id);
  }
}

/** A running job's handle: its id, and how it reports progress. */
export class JobHandle {
  constructor(private readonly entry: JobEntry) {}

  get id(): string {
    return this.entry.id;
  }

  /** `done` of `total` steps of `phase`. */
  progress(phase: JobPhase, done: number, total: number): void {
    Object.assign(this.entry, { phase, done, total });
  }

  finish(): void {
    this.end('finished', null);
  }

  fail(message: string): void {
    this.end('failed', message);
  }

  private end(state: 'finished' | 'failed', message: string | null): void {
    const now = Date.now();
    Object.assign(this.entry, { state, message, phase: 'done', finishedAt: toIso(now), endedMs: now });
  }
}

/** Register a job of `userId` under `id` (a fresh one when not given); CONFLICT when that id is taken. */
export function startJob(userId: string, kind: JobKind, id: string = ulid()): JobHandle {
  const now = Date.now();
  prune(now);
  if (entries.has(id))
    throw new TRPCError({ code: 'CONFLICT', message: `The job id ${id} is already in use; make up a new one.` });
  const entry: JobEntry = {
    id,
    kind,
    state: 'running',
    phase: 'reading',
    done: 0,
    total: 0,
    message: null,
    startedAt: toIso(now),
    finishedAt: null,
    userId,
    endedMs: null,
  };
  entries.set(id, entry);
  return new JobHandle(entry);
}

/** The job `id` of `userId`; another user's job is as unknown as a job that never was. */
export function readJob(userId: string, id: string): Job | null {
  prune(Date.now());
  const e = entries.get(id);
  return e && e.userId === userId ? shown(e) : null;
}

/** `userId`'s jobs, newest first. */
export function listJobs(userId: string, opts: { running?: boolean }): Job[] {
  prune(Date.now());
  return [...entries.values()]
    .filter((e) => e.userId === userId && (!opts.running || e.state === 'running'))
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : b.id.localeCompare(a.id)))
    .map(shown);
}
