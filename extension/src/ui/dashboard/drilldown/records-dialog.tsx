import { CoverageDrill } from '../coverage/coverage-drill';
import type { RecordsDrill } from '../dashboard-context';
import { SurveysDrill } from '../surveys/surveys-drill';
import { ThreadsDrill } from '../threads/threads-drill';
import { DialogShell } from './dialog-shell';

/** The conversations, survey responses or media reports behind a goal's figure, as the goal's `drill` names them. */
export function RecordsDialog({ spec, onClose }: { spec: RecordsDrill; onClose(): void }) {
  const r = spec.records;
  return (
    <DialogShell title={spec.title} onClose={onClose}>
      {r.kind === 'threads' && <ThreadsDrill input={r.filter} />}
      {r.kind === 'surveys' && <SurveysDrill input={r.filter} />}
      {r.kind === 'coverage' && <CoverageDrill input={r.filter} />}
    </DialogShell>
  );
}
