import type { Job, JobKind } from '@comms-log/shared';
import { useEffect, useState } from 'react';
import { withApi } from '../../lib/api/session';

/** How often the caller's running jobs are asked for. */
const POLL_MS = 500;

/**
 * The newest of the caller's running jobs of `kind` (`jobs.list`), asked for every POLL_MS while `active` — for a
 * job the page did not name, such as the report build behind a `reports.period` it is waiting for. Null while none
 * is seen, and once `active` ends.
 */
export function useRunningJob(kind: JobKind, active: boolean): Job | null {
  const [job, setJob] = useState<Job | null>(null);
  useEffect(() => {
    setJob(null);
    if (!active) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const seen = await withApi((c) => c.jobs.list.query({ running: true })).catch(() => null);
      if (!live) return;
      if (seen) setJob(seen.items.find((j) => j.kind === kind) ?? null);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [kind, active]);
  return job;
}
