import { Fragment, useState } from 'react';
import type { MediaCoverage, MediaCoverageUpdateInput } from '@comms-log/shared';
import { localeTag } from '../../../lib/i18n';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { useStakeholderName } from '../stakeholder-name';
import { CoverageEdit } from './coverage-edit';
import { toneKey } from './coverage-labels';

const COLUMNS = 8;

/**
 * Media reports, newest first, each with an Edit action for its tone, reach, event tag and clarification (staff:
 * the reports they recorded; the server says so too).
 */
export function CoverageTable({
  items,
  onSave,
}: {
  items: MediaCoverage[];
  onSave(update: MediaCoverageUpdateInput): Promise<MediaCoverage>;
}) {
  const { t } = useDashboard();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="dash-table-wrap">
      <table className="dash-table" aria-label={t('dashCovReports')}>
        <thead>
          <tr>
            <th scope="col">{t('dashCovColPublished')}</th>
            <th scope="col">{t('dashCovColOutlet')}</th>
            <th scope="col">{t('dashColTitle')}</th>
            <th scope="col">{t('dashCovTone')}</th>
            <th scope="col" className="dash-num">
              {t('dashCovReach')}
            </th>
            <th scope="col">{t('dashCovEvent')}</th>
            <th scope="col">{t('dashCovClarifiedOn')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <Fragment key={c.id}>
              <CoverageRow item={c} editing={editing === c.id} onEdit={() => setEditing(c.id)} />
              {editing === c.id && (
                <tr>
                  <td colSpan={COLUMNS}>
                    <CoverageEdit item={c} onSave={onSave} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CoverageRow({ item: c, editing, onEdit }: { item: MediaCoverage; editing: boolean; onEdit(): void }) {
  const { t, lang, zone, me, canManage } = useDashboard();
  const nameOf = useStakeholderName();
  const f = reportFormat(lang);
  const muted = (text: string) => <span className="pg-muted">{text}</span>;
  return (
    <tr data-tone={c.tone ?? 'none'}>
      <td>{f.dateTime(c.publishedAt, zone)}</td>
      <td>{nameOf(c.outletStakeholderId) ?? muted(t('dashUnknown'))}</td>
      <td>
        <a href={c.url} target="_blank" rel="noreferrer noopener">
          {c.title}
        </a>
      </td>
      <td className={c.tone ? `dash-tone-cov-${c.tone}` : undefined}>
        {c.tone ? t(toneKey[c.tone]) : muted(t(toneKey.none))}
      </td>
      <td className="dash-num">{c.reach?.toLocaleString(localeTag(lang)) ?? ''}</td>
      <td>{c.eventTag ?? ''}</td>
      <td>
        {c.clarifiedAt ? f.dateTime(c.clarifiedAt, zone) : c.tone === 'negative' ? muted(t('dashCovNotClarified')) : ''}
      </td>
      <td>
        {(canManage || c.userId === me.user.id) && (
          <button
            type="button"
            className="pg-link"
            aria-label={t('dashCovEditTitle', c.title)}
            aria-expanded={editing}
            onClick={onEdit}
          >
            {t('dashEdit')}
          </button>
        )}
      </td>
    </tr>
  );
}
