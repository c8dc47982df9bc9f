import type { Job, JobKind } from '@comms-log/shared';
import { useEffect, useState } from 'react';
import { withApi } from '../../lib/api/session';

/** How often a job's progress is asked for. */
const POLL_MS = 500;

/**
 * What `ask` last answered, asked every POLL_MS while `key` is not null and `again` says so (null while nothing
 * is known). A failed ask counts as no answer and is asked again; a new `key` starts over.
 */
function usePoll(key: string | null, ask: () => Promise<Job | null>, again: (seen: Job | null) => boolean) {
  const [job, setJob] = useState<Job | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `ask` and `again` read.
  useEffect(() => {
    setJob(null);
    if (key === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const seen = await ask().catch(() => undefined);
      if (!live) return;
      if (seen !== undefined) setJob(seen);
      if (again(seen ?? null)) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return job;
}

/**
 * The job `jobId` as the server last showed it, asked for until it ends (null while none is known). The job may not
 * be registered yet when the first poll arrives, and a poll may fail: both are asked again.
 */
export function useJobPoll(jobId: string | null): Job | null {
  return usePoll(
    jobId,
    async () => (jobId ? await withApi((c) => c.jobs.get.query({ id: jobId })) : null),
    (seen) => !seen || seen.state === 'running',
  );
}

/**
 * The newest of the caller's running jobs of `kind` (`jobs.list`), asked for while `active` — for a job the page did
 * not name, such as the report build behind a `reports.period` it is waiting for. Null while none is seen, and once
 * `active` ends.
 */
export function useRunningJob(kind: JobKind, active: boolean): Job | null {
  return usePoll(
    active ? kind : null,
    async () => (await withApi((c) => c.jobs.list.query({ running: true }))).items.find((j) => j.kind === kind) ?? null,
    () => true,
  );
}
