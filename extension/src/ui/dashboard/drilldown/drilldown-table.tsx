import type { DrilldownItem } from '@comms-log/shared';
import { formatDateTime } from '../../../lib/i18n';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';

/** The interactions listed so far: when, who, where, and the wait's status and response time. */
export function DrilldownTable({ items }: { items: DrilldownItem[] }) {
  const { t } = useDashboard();
  return (
    <div className="dash-table-wrap">
      <table className="dash-table" aria-label={t('dashInteractionsWord')}>
        <thead>
          <tr>
            <th>{t('dashColWhen')}</th>
            <th>{t('dashColDirection')}</th>
            <th>{t('dashColChannel')}</th>
            <th>{t('dashColStakeholder')}</th>
            <th>{t('dashColAuthor')}</th>
            <th>{t('dashColPerson')}</th>
            <th>{t('dashColTitle')}</th>
            <th>{t('dashColStatus')}</th>
            <th>{t('dashColResponseWorkH')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <DrilldownRow key={i.id} item={i} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Only a web page is a link: a logged url is whatever a page or a client sent, and may be `javascript:`. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function DrilldownRow({ item: i }: { item: DrilldownItem }) {
  const { t, lang, zone } = useDashboard();
  const f = reportFormat(lang);
  return (
    <tr>
      <td>{formatDateTime(lang, i.occurredAt, zone)}</td>
      <td>{i.direction === 'inbound' ? t('dashInbound') : t('dashOutbound')}</td>
      <td>{f.channel(i.channel)}</td>
      <td>
        {i.stakeholderName !== null ? (
          <bdi>{i.stakeholderName}</bdi>
        ) : (
          <span className="pg-muted">{t('dashUnknown')}</span>
        )}{' '}
        <span className="pg-muted">{f.type(i.stakeholderType)}</span>
      </td>
      <td>
        <bdi>{i.authorName}</bdi>
        {i.authorHandle && i.authorHandle !== i.authorName ? <div className="pg-muted">{i.authorHandle}</div> : null}
      </td>
      <td>{i.userName ?? i.userId}</td>
      <td>
        {i.url && isWebUrl(i.url) ? (
          <a href={i.url} target="_blank" rel="noreferrer noopener">
            <bdi>{i.title || t('dashOpenConversation')}</bdi>
          </a>
        ) : (
          <bdi>{i.title ?? ''}</bdi>
        )}
      </td>
      <td>{i.status ? <span className={`dash-status dash-status-${i.status}`}>{f.waitStatus(i.status)}</span> : ''}</td>
      <td className="dash-num">{i.responseWorkMs === null ? '' : f.hours(i.responseWorkMs)}</td>
    </tr>
  );
}
