import type { DrilldownItem, StakeholderType } from '@comms-log/shared';

export interface UnknownThread {
  threadKey: string;
  title: string | null;
  url: string | null;
  source: DrilldownItem['source'];
  stakeholderType: StakeholderType;
  count: number;
  lastAt: string;
}

/** Interactions without a stakeholder, grouped by thread, busiest first. */
export function groupUnknown(items: readonly DrilldownItem[]): UnknownThread[] {
  const byThread = new Map<string, UnknownThread>();
  for (const i of items) {
    const hit = byThread.get(i.threadKey);
    if (hit) {
      hit.count++;
      if (i.occurredAt > hit.lastAt) hit.lastAt = i.occurredAt;
      hit.title ??= i.title;
      hit.url ??= i.url;
    } else {
      byThread.set(i.threadKey, { threadKey: i.threadKey, title: i.title, url: i.url, source: i.source, stakeholderType: i.stakeholderType, count: 1, lastAt: i.occurredAt });
    }
  }
  return [...byThread.values()].sort((a, b) => b.count - a.count || (a.lastAt < b.lastAt ? 1 : -1));
}
