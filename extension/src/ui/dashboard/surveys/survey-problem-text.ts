import type { SurveyInstrument } from '@comms-log/shared';
import type { MessageKey } from '../../../lib/i18n';
import type { T } from '../../use-t';
import type { SurveyProblem } from './survey-check';

/** The name of each survey instrument. */
export const instrumentKey: Record<SurveyInstrument, MessageKey> = {
  csat: 'dashSurveyCsat',
  nps: 'dashSurveyNps',
  score100: 'dashSurveyScore100',
};

/** A mistake in a survey answer, in words a person can act on. */
export function surveyProblemText(t: T, p: SurveyProblem): string {
  switch (p.kind) {
    case 'instrument':
      return t('dashSurveyErrInstrument', p.value);
    case 'scoreMissing':
      return t('dashSurveyErrScoreMissing');
    case 'scoreNotNumber':
      return t('dashSurveyErrScoreNotNumber', p.value);
    case 'scoreRange':
      if (p.instrument === 'csat') return t('dashSurveyErrCsatRange', p.score, p.max);
      return t(p.instrument === 'nps' ? 'dashSurveyErrNpsRange' : 'dashSurveyErrScore100Range', p.score);
    case 'scoreWhole':
      return t('dashSurveyErrWhole', t(instrumentKey[p.instrument]), p.score);
    case 'scale':
      return t('dashSurveyErrScale', p.value);
    case 'scaleNotCsat':
      return t('dashSurveyErrScaleNotCsat');
    case 'type':
      return t('dashSurveyErrType', p.value);
    case 'dateMissing':
      return t('dashSurveyErrDateMissing');
    case 'date':
      return t('dashSurveyErrDate', p.value);
    case 'dateFuture':
      return t('dashSurveyErrDateFuture', p.value);
    case 'tooLong':
      return t(p.field === 'dimension' ? 'dashSurveyErrDimensionLong' : 'dashSurveyErrCommentLong', p.max);
  }
}
