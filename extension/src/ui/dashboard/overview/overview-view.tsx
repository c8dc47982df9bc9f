import { CadenceView } from './cadence-view';
import { useDashboard } from '../dashboard-context';
import { GoalsView } from './goals-view';
import { ResponseView } from './response-view';
import { TotalsView } from './totals-view';

/**
 * The four views of the overview, each loading on its own so the first figures show early. The filter and
 * instant they show are on the element, so a check can ask the server the same question.
 */
export function OverviewView() {
  const { filter, asOf } = useDashboard();
  return (
    <div className="dash-overview" data-testid="dash-overview" data-filter={JSON.stringify(filter)} data-as-of={asOf}>
      <TotalsView />
      <ResponseView />
      <GoalsView />
      <CadenceView />
    </div>
  );
}
