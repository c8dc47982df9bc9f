import type { Job } from '@comms-log/shared';
import type { T } from '../use-t';

const phaseKey = {
  reading: 'jobsReading',
  checking: 'jobsChecking',
  writing: 'jobsWriting',
  done: 'jobsFinished',
} as const;

/** Where a job is, in words. */
function jobText(t: T, job: Job): string {
  if (job.state === 'failed') return t('jobsFailed', job.message ?? '');
  if (job.state === 'finished') return t('jobsFinished');
  if (job.total === 0) return t('jobsStarting');
  return t(phaseKey[job.phase], job.done.toLocaleString(), job.total.toLocaleString());
}

/** A long job's progress: a bar and its words while it runs; how it ended after. */
export function JobProgress({ t, job }: { t: T; job: Job | null }) {
  if (!job) return null;
  if (job.state === 'failed')
    return (
      <p role="alert" className="pg-error">
        {jobText(t, job)}
      </p>
    );
  const running = job.state === 'running';
  return (
    <div className="pg-field" aria-live="polite">
      <progress
        aria-label={jobText(t, job)}
        value={running ? job.done : 1}
        max={running ? Math.max(job.total, 1) : 1}
      />
      <span className="pg-muted">{jobText(t, job)}</span>
    </div>
  );
}
