import type { CoverageListInput } from '@comms-log/shared';
import { useDashboard } from '../dashboard-context';
import { PagedRecords, useShownCount } from '../drilldown/paged-records';
import { useCursorList } from '../use-cursor-list';
import { CoverageTable } from './coverage-table';
import { useCoverageSave } from './coverage-view';

const PAGE = 50;

/** The media reports behind a goal (`evaluations.listCoverage` with the goal's filter), page by page, to edit. */
export function CoverageDrill({ input }: { input: Omit<CoverageListInput, 'cursor' | 'limit'> }) {
  const { t } = useDashboard();
  const list = useCursorList(JSON.stringify(input), (c, cursor) =>
    c.evaluations.listCoverage.query({ ...input, cursor, limit: PAGE }),
  );
  const save = useCoverageSave();
  return (
    <PagedRecords list={list} count={useShownCount(list, t('dashCovReports'))}>
      <CoverageTable
        items={list.items}
        onSave={async (update) => {
          const saved = await save(update);
          list.reload();
          return saved;
        }}
      />
    </PagedRecords>
  );
}
