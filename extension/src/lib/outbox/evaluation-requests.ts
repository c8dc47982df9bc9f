import {
  mediaCoverageInputSchema,
  threadOutcomeDataSchema,
  type MediaCoverageInput,
  type ThreadOutcomeData,
} from '@comms-log/shared';
import { ApiError } from '../api/error';
import { sendToBackground } from '../messages';
import type { ThreadOutcomeState } from './thread-outcomes';

/*
 * The pages' side of queuing evaluation records: the shared schemas check the record here, where zod is bundled
 * anyway, and the background only queues what passed (it bundles no zod, docs/development.md "Building the
 * extension"). A bad record is refused before anything is queued, with what to fix.
 */

type Checked<T> = { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
type Issue = { path: readonly PropertyKey[]; message: string };

/** The parsed record, or an `invalid` ApiError listing what is wrong, field by field. */
function checked<T>(parsed: Checked<T>): T {
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  throw new ApiError('invalid', problems.join('; '));
}

/** Resolves or reopens a thread offline-first; answers the thread's state with the new outcome. */
export async function queueThreadOutcome(input: ThreadOutcomeData): Promise<{ id: string; state: ThreadOutcomeState }> {
  return sendToBackground('outcome-queue', { data: checked(threadOutcomeDataSchema.safeParse(input)) });
}

/** Queues a media coverage item offline-first (its `id` a fresh ULID). */
export async function queueCoverage(input: MediaCoverageInput): Promise<{ id: string }> {
  return sendToBackground('coverage-queue', { data: checked(mediaCoverageInputSchema.safeParse(input)) });
}
