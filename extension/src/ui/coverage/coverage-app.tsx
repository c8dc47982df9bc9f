import { useEffect, useMemo } from 'react';
import { readPrefill } from '../../lib/coverage/prefill';
import { localeTag } from '../../lib/i18n';
import { useT } from '../use-t';
import { CoverageForm } from './coverage-form';

/** The coverage page, opened by "Log this page as coverage" with the page's details in its query. */
export function CoverageApp() {
  const { t, lang } = useT();
  const prefill = useMemo(() => readPrefill(location.search), []);

  useEffect(() => {
    document.documentElement.lang = localeTag(lang);
    document.title = t('covPageTitle');
  }, [lang, t]);

  return (
    <main className="cov-page">
      <h1>{t('covPageTitle')}</h1>
      <p className="pg-muted">{t('covIntro')}</p>
      <CoverageForm t={t} prefill={prefill} />
    </main>
  );
}
