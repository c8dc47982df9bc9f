import type { CsvCell, DrilldownItem } from '@comms-log/shared';
import { toExcelCsv } from './csv';
import type { Lang } from '../i18n';
import { reportFormat } from './tables';

/**
 * The CSV of the interactions behind a figure: one record per interaction, labels in `lang`, times in `zone`. The
 * author is who wrote the message (the counterpart of an inbound one); the person is who logged it.
 */
export function interactionsCsv(items: readonly DrilldownItem[], lang: Lang, zone: string): string {
  const f = reportFormat(lang);
  const { t } = f;
  const header = [
    t('dashColWhen'),
    t('dashColDirection'),
    t('dashColChannel'),
    t('dashColSource'),
    t('dashColStakeholder'),
    t('dashColType'),
    t('dashColAuthor'),
    t('dashColAuthorHandle'),
    t('dashColPerson'),
    t('dashColTitle'),
    t('dashColStatus'),
    t('dashColRepliedAt'),
    t('dashColResponseWorkH'),
    t('dashColResponseCalH'),
    t('dashColLink'),
    'id',
  ];
  const rows: CsvCell[][] = items.map((i) => [
    f.dateTime(i.occurredAt, zone),
    i.direction === 'inbound' ? t('dashInbound') : t('dashOutbound'),
    f.channel(i.channel),
    i.source,
    i.stakeholderName ?? '',
    f.type(i.stakeholderType),
    i.authorName,
    i.authorHandle ?? '',
    i.userName ?? i.userId,
    i.title ?? '',
    i.status ? f.waitStatus(i.status) : '',
    i.repliedAt ? f.dateTime(i.repliedAt, zone) : '',
    i.responseWorkMs === null ? '' : f.hours(i.responseWorkMs),
    i.responseMs === null ? '' : f.hours(i.responseMs),
    i.url ?? '',
    i.id,
  ]);
  return toExcelCsv(header, rows);
}
