import { useId } from 'react';
import type { MeetingDraft, MeetingProblem } from '../../lib/capture/meeting-fields';
import type { T } from '../use-t';

/** A meeting mistake in plain words. */
export function meetingProblemText(t: T, p: MeetingProblem): string {
  switch (p.kind) {
    case 'notCount':
      return t(p.field === 'invited' ? 'meetingErrInvited' : 'meetingErrAttended', p.value);
    case 'attendedWithoutInvited':
      return t('meetingErrNoInvited');
    case 'moreAttended':
      return t('meetingErrMoreAttended', p.attended, p.invited);
    case 'seriesLong':
      return t('meetingErrSeriesLong');
  }
}

/** Who was invited and who came, and the series of a recurring meeting: all optional. */
export function MeetingFields({
  t,
  draft,
  onChange,
}: {
  t: T;
  draft: MeetingDraft;
  onChange(change: Partial<MeetingDraft>): void;
}) {
  const ids = { invited: useId(), attended: useId(), series: useId() };
  return (
    <fieldset className="pg-fieldset">
      <legend>{t('meetingLegend')}</legend>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor={ids.invited}>{t('meetingInvited')}</label>
          <input
            id={ids.invited}
            type="text"
            inputMode="numeric"
            value={draft.invited}
            onChange={(e) => onChange({ invited: e.target.value })}
          />
        </div>
        <div className="pg-field">
          <label htmlFor={ids.attended}>{t('meetingAttended')}</label>
          <input
            id={ids.attended}
            type="text"
            inputMode="numeric"
            value={draft.attended}
            onChange={(e) => onChange({ attended: e.target.value })}
          />
        </div>
      </div>
      <div className="pg-field">
        <label htmlFor={ids.series}>{t('meetingSeries')}</label>
        <input
          id={ids.series}
          type="text"
          maxLength={100}
          placeholder={t('meetingSeriesPlaceholder')}
          value={draft.series}
          onChange={(e) => onChange({ series: e.target.value })}
        />
      </div>
    </fieldset>
  );
}
