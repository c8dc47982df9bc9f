import type { Job } from '@comms-log/shared';
import { useRunningJob } from '../../jobs/use-job-poll';
import type { T } from '../../use-t';

/** A report build's parts done as a bar and in words. */
export function ReportBuildBar({ t, job }: { t: T; job: Job }) {
  const text = job.total ? t('jobsReportBuilding', String(job.done), String(job.total)) : t('jobsReportStarting');
  return (
    <div className="pg-field dash-noprint" aria-live="polite">
      <progress aria-label={text} value={job.done} max={Math.max(job.total, 1)} />
      <span className="pg-muted">{text}</span>
    </div>
  );
}

/**
 * While a report is being built on the server (its figures, or an edition being saved), the parts built so far;
 * nothing before the server shows the build, or when it takes less than a poll.
 */
export function ReportBuildProgress({ t, active }: { t: T; active: boolean }) {
  const job = useRunningJob('reportBuild', active);
  return active && job ? <ReportBuildBar t={t} job={job} /> : null;
}
