import type { CoverageTone } from '@comms-log/shared';
import type { CoveragePrefill } from '../../lib/coverage/prefill';
import type { MessageKey } from '../../lib/i18n';
import type { T } from '../use-t';
import type { CoverageFields, FieldErrors } from './check-coverage';
import { OutletField } from './outlet-field';
import { TextField } from './text-field';
import { useCoverageForm, type SaveState } from './use-coverage-form';

const tones: { value: CoverageTone | 'none'; key: MessageKey }[] = [
  { value: 'positive', key: 'covTonePositive' },
  { value: 'neutral', key: 'covToneNeutral' },
  { value: 'negative', key: 'covToneNegative' },
  { value: 'none', key: 'covToneNone' },
];

type Set = <K extends keyof CoverageFields>(k: K, v: CoverageFields[K]) => void;

/** The media report: what the page said (title, link, publication time), its outlet, tone and the rest. */
export function CoverageForm({ t, prefill }: { t: T; prefill: CoveragePrefill }) {
  const { fields, set, outlet, setOutlet, errors, state, save } = useCoverageForm(t, prefill);
  return (
    <form
      className="pg-form"
      aria-label={t('covPageTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label={t('covTitle')}
        value={fields.title}
        onChange={(v) => set('title', v)}
        error={errors.title}
        maxLength={1000}
        required
      />
      <TextField
        label={t('covUrl')}
        type="url"
        value={fields.url}
        onChange={(v) => set('url', v)}
        error={errors.url}
        maxLength={2000}
        required
      />
      <TextField
        label={t('covPublishedAt')}
        type="datetime-local"
        value={fields.published}
        onChange={(v) => set('published', v)}
        error={errors.published}
        hint={prefill.publishedAt ? undefined : t('covPublishedMissing')}
        required
      />
      <OutletField t={t} prefill={prefill} value={outlet} onChange={setOutlet} error={errors.outlet} />
      <ToneField t={t} fields={fields} set={set} />
      <DetailFields t={t} fields={fields} set={set} errors={errors} />
      <SaveLine t={t} state={state} />
    </form>
  );
}

function ToneField({ t, fields, set }: { t: T; fields: CoverageFields; set: Set }) {
  return (
    <fieldset className="cov-fieldset">
      <legend>{t('covTone')}</legend>
      <div className="cov-tones">
        {tones.map((tone) => (
          <label key={tone.value} className="cov-tone">
            <input
              type="radio"
              name="tone"
              value={tone.value}
              checked={fields.tone === tone.value}
              onChange={() => set('tone', tone.value)}
            />
            {t(tone.key)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Reach and event tag, and for a negative report when it was clarified. */
function DetailFields({ t, fields, set, errors }: { t: T; fields: CoverageFields; set: Set; errors: FieldErrors }) {
  return (
    <>
      <div className="pg-row">
        <TextField
          label={t('covReach')}
          inputMode="numeric"
          value={fields.reach}
          onChange={(v) => set('reach', v)}
          error={errors.reach}
          maxLength={15}
        />
        <TextField
          label={t('covEventTag')}
          placeholder={t('covEventTagExample')}
          value={fields.eventTag}
          onChange={(v) => set('eventTag', v)}
          error={errors.eventTag}
          maxLength={60}
        />
      </div>
      {fields.tone === 'negative' ? (
        <TextField
          label={t('covClarifiedAt')}
          type="datetime-local"
          value={fields.clarified}
          onChange={(v) => set('clarified', v)}
          error={errors.clarified}
        />
      ) : null}
    </>
  );
}

/** Save, and what became of the last save, in words. */
function SaveLine({ t, state }: { t: T; state: SaveState }) {
  return (
    <>
      {state.kind === 'invalid' ? (
        <p className="pg-error" role="alert">
          {t('covFixFields')}
        </p>
      ) : null}
      {state.kind === 'error' ? (
        <p className="pg-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'saved' ? (
        <p className="pg-ok" role="status">
          {t(state.note)}
        </p>
      ) : null}
      <div className="pg-actions">
        {state.kind === 'saved' ? (
          <button type="button" className="pg-button" onClick={() => window.close()}>
            {t('close')}
          </button>
        ) : null}
        <button type="submit" className="pg-button pg-primary" disabled={state.kind === 'saving'}>
          {state.kind === 'saving' ? t('saving') : t('save')}
        </button>
      </div>
    </>
  );
}
