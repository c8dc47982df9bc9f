import { useMemo } from 'react';
import { useDashboard } from './dashboard-context';

/** A stakeholder's name by id from the page's directory (active stakeholders); null when it is not there. */
export function useStakeholderName(): (id: string | null) => string | null {
  const { stakeholders } = useDashboard();
  return useMemo(() => {
    const names = new Map(stakeholders.map((s) => [s.id, s.name]));
    return (id) => (id ? (names.get(id) ?? null) : null);
  }, [stakeholders]);
}
