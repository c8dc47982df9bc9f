import { useState } from 'react';
import type { MediaCoverage, MediaCoverageUpdateInput } from '@comms-log/shared';
import { localeTag } from '../../../lib/i18n';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { RecordTable } from '../record-table/record-table';
import { useStakeholderName } from '../stakeholder-name';
import { CoverageEdit } from './coverage-edit';
import { toneKey } from './coverage-labels';

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
    <RecordTable
      label={t('dashCovReports')}
      columns={[
        { head: t('dashCovColPublished') },
        { head: t('dashCovColOutlet') },
        { head: t('dashColTitle') },
        { head: t('dashCovTone') },
        { head: t('dashCovReach'), num: true },
        { head: t('dashCovEvent') },
        { head: t('dashCovClarifiedOn') },
        { head: '' },
      ]}
      items={items}
      rowKey={(c) => c.id}
      row={(c) => <CoverageRow item={c} editing={editing === c.id} onEdit={() => setEditing(c.id)} />}
      panel={(c) => editing === c.id && <CoverageEdit item={c} onSave={onSave} onDone={() => setEditing(null)} />}
    />
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
