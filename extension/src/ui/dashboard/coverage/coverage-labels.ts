import type { CoverageTone } from '@comms-log/shared';
import type { MessageKey } from '../../../lib/i18n';
import type { T } from '../../use-t';
import { toLocalInput } from '../zoned-time';
import type { CoverageEditProblem } from './coverage-edit-check';

/** The name of each tone, and of a report not judged yet. */
export const toneKey: Record<CoverageTone | 'none', MessageKey> = {
  positive: 'dashCovTonePositive',
  neutral: 'dashCovToneNeutral',
  negative: 'dashCovToneNegative',
  none: 'dashCovToneNone',
};

/** A mistake in a coverage edit, in words a person can act on; times in `zone`. */
export function coverageProblemText(t: T, p: CoverageEditProblem, zone: string): string {
  switch (p.kind) {
    case 'reach':
      return t('dashCovErrReach', p.value);
    case 'eventTagLong':
      return t('dashCovErrEventLong');
    case 'clarifiedNotNegative':
      return t('dashCovErrClarifiedNotNegative');
    case 'clarifiedInvalid':
      return t('dashCovErrClarifiedInvalid');
    case 'clarifiedBeforePublished':
      return t('dashCovErrClarifiedBefore', toLocalInput(p.publishedAt, zone).replace('T', ' '));
    case 'clarifiedFuture':
      return t('dashCovErrClarifiedFuture');
  }
}
