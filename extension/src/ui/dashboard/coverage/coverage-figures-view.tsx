import { localeTag } from '../../../lib/i18n';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { RecordTable } from '../record-table/record-table';
import { FigureCard } from '../overview/figure-card';
import { useStakeholderName } from '../stakeholder-name';
import type { CoverageFigures } from './coverage-figures';
import { toneKey } from './coverage-labels';

/** The period's headline coverage figures, each with what it is over. */
export function CoverageCards({ figures: c }: { figures: CoverageFigures }) {
  const { t, lang } = useDashboard();
  const f = reportFormat(lang);
  const ofN = (r: { value: number | null; numerator: number; denominator: number }) =>
    r.value === null ? '' : t('dashCovOfN', r.numerator, r.denominator);
  return (
    <div className="dash-cards" data-testid="coverage-figures">
      <FigureCard label={t('dashMetricPositiveShare')}>
        <span className="dash-big">{f.pct(c.positive.value)}</span>
        <span className="pg-muted">{ofN(c.positive)}</span>
      </FigureCard>
      <FigureCard label={t('dashMetricNegativeClarified')}>
        <span className="dash-big">{f.pct(c.clarified.value)}</span>
        <span className="pg-muted">{ofN(c.clarified)}</span>
      </FigureCard>
      <FigureCard label={t('dashMetricCoverageItems')}>
        <span className="dash-big">{c.items}</span>
      </FigureCard>
      <FigureCard label={t('dashCovReachTotal')}>
        <span className="dash-big">{c.reach.toLocaleString(localeTag(lang))}</span>
      </FigureCard>
      <FigureCard label={t('dashCovTimeToClarify')}>
        <span className="dash-big">
          {c.clarification.medianMs === null ? '—' : t('dashHoursValue', f.hours(c.clarification.medianMs))}
        </span>
        <span className="pg-muted">{c.clarification.n ? t('dashSurveyN', c.clarification.n) : ''}</span>
      </FigureCard>
    </div>
  );
}

type Tally = CoverageFigures['byOutlet'];

/** Reports and reach per outlet, tone or event tag. */
export function CoverageTallyTable({ tally, by }: { tally: Tally; by: 'outlet' | 'tone' | 'event' }) {
  const { t, lang } = useDashboard();
  const nameOf = useStakeholderName();
  const title = t(by === 'outlet' ? 'dashCovByOutlet' : by === 'tone' ? 'dashCovByTone' : 'dashCovByEvent');
  const name = (key: string | null) => {
    if (by === 'outlet') return nameOf(key) ?? t('dashUnknown');
    if (by === 'tone') return t(toneKey[(key ?? 'none') as keyof typeof toneKey]);
    return key ?? t('dashCovNoEvent');
  };
  return (
    <RecordTable
      label={title}
      show="heading"
      columns={[
        { head: t(by === 'outlet' ? 'dashCovColOutlet' : by === 'tone' ? 'dashCovTone' : 'dashCovEvent') },
        { head: t('dashCovColItems'), num: true },
        { head: t('dashCovReach'), num: true },
      ]}
      items={tally}
      rowKey={(g) => g.key ?? ''}
      row={(g) => (
        <tr>
          <th scope="row">{name(g.key)}</th>
          <td className="dash-num">{g.value.items}</td>
          <td className="dash-num">{g.value.withReach ? g.value.reach.toLocaleString(localeTag(lang)) : '—'}</td>
        </tr>
      )}
    />
  );
}
