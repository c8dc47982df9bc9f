import type { InteractionData, Whoami } from '@comms-log/shared';

/** Who the server says `id` is: a staff member of one org. */
export const who = (id: string): Whoami =>
  ({
    user: { id, name: id, email: `${id}@example.cn`, role: 'staff' },
    org: { id: 'org', name: 'Org', timeZone: 'Asia/Shanghai', captureLevel: 'snippet' },
  }) as Whoami;

/** A message as logging queues it. */
export const logged = (id: string, stakeholderId: string | null = null) =>
  ({
    id,
    source: 'gmail',
    externalId: `m-${id}`,
    threadKey: `gmail:${id}`,
    channel: 'email',
    direction: 'inbound',
    occurredAt: '2026-03-09T02:00:00.000Z',
    stakeholderId,
    author: { name: 'Ann', handle: 'ann@customer.cn' },
  }) as InteractionData;
