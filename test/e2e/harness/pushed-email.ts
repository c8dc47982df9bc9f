import type { InteractionInput, PushItem } from '@comms-log/shared';
import { ulidAt } from './ulid-at';

const DAY = 86_400_000;

/** Marcus Reid of Brightline Logistics, the customer the follow-up flows provision. */
export const marcus = {
  author: { name: 'Marcus Reid', handle: 'marcus.reid@brightline-logistics.com' },
  /** His row of the CLI's stakeholder import, owned by Li Wei (harness/org.ts). */
  csvOwnedByLiWei:
    'Marcus Reid,customer,standard,Brightline Logistics,li.wei@northwind-robotics.com,marcus.reid@brightline-logistics.com,,,,,',
};

/** A Gmail message, as the extension pushes it. */
export function pushedEmail(m: {
  id: string;
  at: number;
  direction: 'inbound' | 'outbound';
  stakeholderId: string;
  stakeholderType: 'customer' | 'partner';
  author: { name: string; handle: string };
  externalId: string;
  threadKey: string;
  title: string;
  url?: string;
}): PushItem {
  const data: InteractionInput = {
    id: m.id,
    source: 'gmail',
    externalId: m.externalId,
    threadKey: m.threadKey,
    channel: 'email',
    direction: m.direction,
    occurredAt: new Date(m.at).toISOString(),
    stakeholderId: m.stakeholderId,
    stakeholderType: m.stakeholderType,
    author: m.author,
    title: m.title,
    ...(m.url ? { url: m.url } : {}),
  };
  return { op: 'upsert', entity: 'interaction', id: m.id, data };
}

/** An inbound email from Marcus (stakeholder `stakeholderId`). */
export function emailFromMarcus(
  stakeholderId: string,
  m: { id: string; at: number; externalId: string; threadKey: string; title: string; url?: string },
): PushItem {
  return pushedEmail({ ...m, direction: 'inbound', stakeholderId, stakeholderType: 'customer', author: marcus.author });
}

/**
 * Marcus's email unanswered for 4 days (customer email SLA: 4 working hours): late whatever the weekday. Its id
 * is `ulidAt(now - 4 days, 1)`.
 */
export function lateEmailFromMarcus(stakeholderId: string, now: number, opts: { url?: string } = {}): PushItem {
  return emailFromMarcus(stakeholderId, {
    id: ulidAt(now - 4 * DAY, 1),
    at: now - 4 * DAY,
    externalId: 'msg-late-1',
    threadKey: 'gmail:thread-late',
    title: 'Delivery delay on order 1182',
    ...opts,
  });
}
