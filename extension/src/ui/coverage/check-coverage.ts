import { mediaCoverageInputSchema, type CoverageTone, type MediaCoverageData } from '@comms-log/shared';
import type { MessageKey } from '../../lib/i18n';
import type { StakeholderSummary } from '../../lib/messages';
import type { T } from '../use-t';

/** The form's fields as typed; times are `YYYY-MM-DDTHH:mm` in the browser's zone (datetime-local). */
export type CoverageFields = {
  title: string;
  url: string;
  published: string;
  tone: CoverageTone | 'none';
  reach: string;
  eventTag: string;
  clarified: string;
};

export type CoverageField = 'title' | 'url' | 'published' | 'outlet' | 'reach' | 'eventTag' | 'clarified';
/** A message in plain words per field that needs fixing. */
export type FieldErrors = Partial<Record<CoverageField, string>>;

/** The schema's fields, and what to say when one is refused. */
const schemaField: Record<string, [CoverageField, MessageKey]> = {
  title: ['title', 'covErrTitle'],
  url: ['url', 'covErrUrl'],
  publishedAt: ['published', 'covErrPublished'],
  outletStakeholderId: ['outlet', 'covErrOutlet'],
  reach: ['reach', 'covErrReach'],
  eventTag: ['eventTag', 'covErrEventTag'],
  // Clarification is only sent for a negative report, so the one way it fails is a date before publication.
  clarifiedAt: ['clarified', 'covErrClarifiedBefore'],
};

function localToIso(local: string): string | null {
  const ms = local.trim() === '' ? Number.NaN : new Date(local).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** What the fields say that the schema cannot see: empty or unreadable text, an outlet not chosen or not synced. */
function checkText(t: T, fields: CoverageFields, outlet: StakeholderSummary | null): FieldErrors {
  const errors: FieldErrors = {};
  if (localToIso(fields.published) === null) errors.published = t('covErrPublished');
  if (fields.reach.trim() !== '' && !/^\d+$/.test(fields.reach.trim())) errors.reach = t('covErrReach');
  if (!outlet) errors.outlet = t('covErrOutlet');
  // A `local:` stakeholder (made offline) is unknown to the server, which would refuse the item.
  else if (outlet.pending) errors.outlet = t('covErrOutletPending', outlet.name);
  return errors;
}

/**
 * The coverage item the form describes, checked with the shared schema the server applies, or the fields to fix.
 * `id` is the item's ULID, kept for the form's life so saving again replaces the queued item.
 */
export function checkCoverage(
  t: T,
  id: string,
  fields: CoverageFields,
  outlet: StakeholderSummary | null,
): { ok: true; data: MediaCoverageData } | { ok: false; errors: FieldErrors } {
  const textErrors = checkText(t, fields, outlet);
  const tone = fields.tone === 'none' ? null : fields.tone;
  const clarifiedAt = tone === 'negative' ? localToIso(fields.clarified) : null;
  const parsed = mediaCoverageInputSchema.safeParse({
    id,
    outletStakeholderId: outlet?.id ?? '',
    title: fields.title,
    url: fields.url.trim(),
    publishedAt: localToIso(fields.published) ?? '',
    tone,
    ...(fields.reach.trim() !== '' && !textErrors.reach ? { reach: Number(fields.reach) } : {}),
    ...(fields.eventTag.trim() !== '' ? { eventTag: fields.eventTag } : {}),
    ...(clarifiedAt ? { clarifiedAt } : {}),
  });
  const errors: FieldErrors = { ...textErrors };
  for (const issue of parsed.error?.issues ?? []) {
    const known = schemaField[String(issue.path[0])];
    if (known && !errors[known[0]]) errors[known[0]] = t(known[1]);
  }
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, errors };
}
