import type { CapturedMessage } from '@comms-log/shared';

/**
 * Messages oldest first, as the capture contract wants whatever order the page shows (docs/architecture.md
 * "Capture contract"); equal instants keep page order.
 */
export function oldestFirst(messages: CapturedMessage[]): CapturedMessage[] {
  return messages
    .map((m, order) => ({ m, order, at: Date.parse(m.sentAt) }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ m }) => m);
}
