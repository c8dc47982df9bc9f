import type { OverdueItem } from '@comms-log/shared';
import { formatDateTime, type Lang } from '../../lib/i18n';
import { channelKey } from '../../lib/label-keys';
import type { T } from '../use-t';

/**
 * A planned activity past its date and still planned: its title, channel and when it was planned. It is marked
 * held or not held through `activities.update`, so the row has no buttons.
 */
export function ActivityRow(props: {
  t: T;
  lang: Lang;
  item: Extract<OverdueItem, { kind: 'activity' }>;
  group: string;
  timeZone: string | undefined;
}) {
  const { t, lang, item, group, timeZone } = props;
  return (
    <article
      className="fu-row fu-overdue"
      data-testid="fu-row"
      data-kind={item.kind}
      data-group={group}
      data-id={item.id}
      aria-label={item.title}
    >
      <div className="fu-line">
        <span className="fu-state fu-state-overdue">{t('fuOverdue')}</span>
        <span className="fu-name">{item.title}</span>
        <span className="fu-meta">{t(channelKey[item.channel])}</span>
      </div>
      <div className="fu-detail">{t('fuActivityPlannedFor', formatDateTime(lang, item.startAt, timeZone))}</div>
    </article>
  );
}
