import { browser } from 'wxt/browser';
import type { CoveragePrefill } from '../../lib/coverage/prefill';
import { StakeholderPicker, type PickedStakeholder } from '../stakeholder-picker';
import type { T } from '../use-t';
import { useOutletGuess } from './use-outlet-guess';

type Props = {
  t: T;
  prefill: CoveragePrefill;
  value: PickedStakeholder;
  onChange: (update: PickedStakeholder | ((p: PickedStakeholder) => PickedStakeholder)) => void;
  error: string | undefined;
};

function directoryUrl(): string {
  return `${browser.runtime.getURL('/dashboard.html')}?tab=directory`;
}

/**
 * The outlet: a media stakeholder of the local directory, picked for the reader when the page's domain or site
 * name is on file. Outlets are added in the directory, not here: the server needs one before it takes the item.
 */
export function OutletField({ t, prefill, value, onChange, error }: Props) {
  useOutletGuess(prefill, onChange);
  return (
    <fieldset className="cov-fieldset">
      <legend>{t('covOutlet')}</legend>
      <StakeholderPicker t={t} value={value} onChange={onChange} allowCreate={false} onlyType="media" />
      {value === null ? (
        <p className="pg-muted cov-note">
          {t('covOutletHint')}{' '}
          <a className="pg-link" href={directoryUrl()} target="_blank" rel="noreferrer">
            {t('covOpenDirectory')}
          </a>
        </p>
      ) : null}
      {error ? <p className="pg-error cov-note">{error}</p> : null}
    </fieldset>
  );
}
