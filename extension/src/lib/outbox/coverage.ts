import type { MediaCoverageData } from '@comms-log/shared';
import type { CommsLogDb } from './local-db';
import { outboxRow } from './queue';

/**
 * Queues a media coverage item (docs/sync.md "Push"), e.g. a page logged as coverage, before any network call.
 * `data` was checked against `mediaCoverageInputSchema` by the page that asked (the background bundles no zod);
 * its `id` is the item's. There is no local copy: pull does not send coverage, so the outbox row is the record
 * until the server has it. Queuing the same id again replaces the queued change.
 */
export async function enqueueCoverage(db: CommsLogDb, data: MediaCoverageData, now = new Date()): Promise<void> {
  const row = outboxRow('coverage', data.id, data, now.toISOString(), null);
  await db.transaction('rw', db.outbox, async () => {
    const previous = await db.outbox.where('key').equals(row.key).first();
    if (previous) await db.outbox.delete(previous.seq!);
    await db.outbox.add(row);
  });
}
