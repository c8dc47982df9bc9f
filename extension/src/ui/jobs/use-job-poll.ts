import type { Job } from '@comms-log/shared';
import { useEffect, useState } from 'react';
import { withApi } from '../../lib/api/session';

/** How often a running job's progress is asked for. */
const POLL_MS = 500;

/**
 * The job `jobId` as the server last showed it, asked for every POLL_MS until it ends (null while none is known).
 * The job may not be registered yet when the first poll arrives, and a poll may fail: both are asked again.
 */
export function useJobPoll(jobId: string | null): Job | null {
  const [job, setJob] = useState<Job | null>(null);
  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const seen = await withApi((c) => c.jobs.get.query({ id: jobId })).catch(() => null);
      if (!live) return;
      if (seen) setJob(seen);
      if (!seen || seen.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [jobId]);
  return job;
}
