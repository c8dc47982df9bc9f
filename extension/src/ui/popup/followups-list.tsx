import { useLayoutEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { OverdueItem } from '@comms-log/shared';
import { FOLLOWUP_GROUPS, itemKey, type FollowupGroup } from '../../lib/followups/local';
import type { MessageKey } from '../../lib/i18n';
import { FollowupRow, type RowProps } from './followup-row';

type ListRow =
  | { type: 'header'; group: FollowupGroup; count: number }
  | { type: 'empty'; group: FollowupGroup }
  | { type: 'more'; group: FollowupGroup }
  | { type: 'item'; group: FollowupGroup; item: OverdueItem };

const groupTitle: Record<FollowupGroup, MessageKey> = {
  awaiting: 'fuGroupAwaiting',
  cold: 'fuGroupCold',
  reminders: 'fuGroupReminders',
};

/** Rough row heights before measuring: a header, an empty note, a row with its buttons. */
const ESTIMATE = { header: 30, empty: 26, item: 92, more: 30 } as const;
/** The popup's list area; rows beyond it are not in the DOM. */
const VIEWPORT = { width: 356, height: 440 };

let liveRowMarked = false;

export type FollowupsListProps = Omit<RowProps, 'item' | 'group'> & {
  groups: Record<FollowupGroup, OverdueItem[]>;
  /** Per group, how many there are in all (the rows may still be the first few only). */
  totals: Record<FollowupGroup, number>;
  /** Team views: each group's next page on the server (null: none), loaded by `onMore`. */
  next?: Record<FollowupGroup, string | null> | null;
  onMore?: (group: FollowupGroup) => void;
};

/**
 * The three groups in one virtualised list (group headers are rows too), so thousands of follow-ups cost no more
 * to open than a screenful.
 */
export function FollowupsList({ groups, totals, next, onMore, ...rowProps }: FollowupsListProps) {
  const { t } = rowProps;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const out: ListRow[] = [];
    for (const group of FOLLOWUP_GROUPS) {
      out.push({ type: 'header', group, count: totals[group] });
      if (groups[group].length === 0) out.push({ type: 'empty', group });
      for (const item of groups[group]) out.push({ type: 'item', group, item });
      if (next?.[group]) out.push({ type: 'more', group });
    }
    return out;
  }, [groups, totals, next]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ESTIMATE[rows[i]!.type],
    getItemKey: (i) => {
      const r = rows[i]!;
      return r.type === 'item' ? itemKey(r.item) : `${r.type}:${r.group}`;
    },
    // Rows render in the first pass, before the scroll box has been measured.
    initialRect: VIEWPORT,
    overscan: 4,
  });

  useLayoutEffect(() => {
    if (liveRowMarked) return;
    if (scrollRef.current?.querySelector('[data-testid="fu-row"], [data-testid="fu-empty"]')) {
      liveRowMarked = true;
      // Read back by the popup benchmark (test/bench/popup-paint.ts): the first row that can be acted on, and the
      // first row at all when the popup had no first paint to draw (prepaint.ts).
      performance.mark('fu-live-row');
      if (performance.getEntriesByName('fu-first-row').length === 0) performance.mark('fu-first-row');
    }
  });

  return (
    <div ref={scrollRef} className="fu-scroll" data-testid="fu-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index]!;
          return (
            <div
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              className="fu-slot"
              style={{ transform: `translateY(${v.start}px)` }}
            >
              {row.type === 'header' ? (
                <h3 className="fu-group" data-testid={`fu-group-${row.group}`}>
                  {t(groupTitle[row.group])} <span className="fu-count">{row.count}</span>
                </h3>
              ) : row.type === 'more' ? (
                <button
                  type="button"
                  className="pg-link fu-more"
                  data-testid={`team-more-${row.group}`}
                  onClick={() => onMore?.(row.group)}
                >
                  {t('teamShowMore', totals[row.group] - groups[row.group].length)}
                </button>
              ) : row.type === 'empty' ? (
                <p className="fu-empty" data-testid="fu-empty">
                  {t('fuEmptyGroup')}
                </p>
              ) : (
                <FollowupRow {...rowProps} item={row.item} group={row.group} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
