import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { localeTag } from '../../lib/i18n';
import { DashboardApp } from '../../ui/dashboard/dashboard-app';
import { MailScheduleSection } from '../../ui/mail-schedule/mail-schedule-section';
import { useT } from '../../ui/use-t';
import { currentUser, signOut, type WebUser } from './session';
import { SignIn } from './sign-in';
import '../../ui/pages.css';
import '../../ui/dashboard/dashboard.css';

/*
 * The web view at /app (docs/web-view.md): the extension's dashboard, signed in by a session instead of the token
 * kept in Options. The web build swaps the extension's storage, browser and API modules for ./storage.ts,
 * ./browser.ts and ./api.ts.
 */

type State = { kind: 'checking' } | { kind: 'signed-out' } | { kind: 'signed-in'; user: WebUser };

function WebApp() {
  const { t, lang } = useT();
  const [state, setState] = useState<State>({ kind: 'checking' });
  const check = () =>
    void currentUser().then(
      (user) => setState(user ? { kind: 'signed-in', user } : { kind: 'signed-out' }),
      () => setState({ kind: 'signed-out' }),
    );
  useEffect(check, []);
  useEffect(() => {
    document.documentElement.lang = localeTag(lang);
  }, [lang]);

  if (state.kind === 'checking') return <p className="pg-muted">{t('dashLoading', t('dashAccountWord'))}</p>;
  if (state.kind === 'signed-out') return <SignIn t={t} onSignedIn={check} />;
  return (
    <>
      <nav className="webapp-bar" aria-label={t('webappAccount')}>
        <span className="pg-muted">{state.user.email}</span>
        <button
          type="button"
          className="pg-button"
          onClick={() => void signOut().then(() => setState({ kind: 'signed-out' }))}
        >
          {t('webappSignOut')}
        </button>
      </nav>
      <DashboardApp />
      {state.user.role === 'admin' && (
        <div className="dash-page">
          <MailScheduleSection t={t} lang={lang} />
        </div>
      )}
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WebApp />
  </StrictMode>,
);
