import { useState } from 'react';
import { browser } from 'wxt/browser';
import { useDashboard } from '../dashboard-context';

/** The coverage page, empty: the same form "Log this page as coverage" opens prefilled asks for every field. */
async function openCoveragePage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/coverage.html') });
}

/** "Record a report": a media report logged by hand, in the coverage page opened in a new tab. */
export function CoverageRecord() {
  const { t } = useDashboard();
  const [failed, setFailed] = useState<string | null>(null);
  const open = () => {
    setFailed(null);
    openCoveragePage().catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="pg-card" aria-labelledby="coverage-record-h">
      <h3 id="coverage-record-h">{t('dashCovRecordTitle')}</h3>
      <p className="pg-muted dash-hint">{t('dashCovRecordHint')}</p>
      <div className="pg-actions">
        <button type="button" className="pg-button pg-primary" onClick={open}>
          {t('dashCovRecordButton')}
        </button>
      </div>
      {failed && (
        <p role="alert" className="pg-error">
          {t('covOpenFailed', failed)}
        </p>
      )}
    </section>
  );
}
