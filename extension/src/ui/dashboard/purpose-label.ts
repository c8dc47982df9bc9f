import type { Lang } from '../../lib/i18n';
import type { Purpose } from '@comms-log/shared';
import { useDashboard } from './dashboard-context';

/** A purpose's label in `lang` (the other language when that one is blank). */
export function purposeText(p: Purpose, lang: Lang): string {
  return lang === 'zh_CN' ? p.label.zh || p.label.en : p.label.en || p.label.zh;
}

/** A purpose id's label from the plan (a retired purpose keeps its label); the id itself when the plan lacks it. */
export function usePurposeLabel(): (id: string) => string {
  const { plan, lang } = useDashboard();
  return (id) => {
    const p = plan.plan.purposes.find((x) => x.id === id);
    return p ? purposeText(p, lang) : id;
  };
}
