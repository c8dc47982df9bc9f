import { useState } from 'react';
import { browser } from 'wxt/browser';
import { logPageAsCoverage } from '../../lib/coverage/log-page';
import type { T } from '../use-t';

/**
 * The popup's "Log this page as coverage": the same as the context-menu item, for the tab the popup was opened
 * over (opening the popup grants activeTab on it).
 */
export function LogPageButton({ t }: { t: T }) {
  const [error, setError] = useState<string | null>(null);

  async function logPage() {
    setError(null);
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      await logPageAsCoverage(tab ?? {});
      window.close();
    } catch (err) {
      setError(t('covOpenFailed', err instanceof Error ? err.message : String(err)));
    }
  }

  return (
    <div className="pg-actions" style={{ flexBasis: '100%', justifyContent: 'flex-start', flexWrap: 'wrap' }}>
      <button type="button" className="pg-button" onClick={() => void logPage()}>
        {t('covLogPage')}
      </button>
      {error ? (
        <p className="pg-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
