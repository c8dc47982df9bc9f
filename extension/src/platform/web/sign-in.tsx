import { useState, type FormEvent } from 'react';
import type { T } from '../../ui/use-t';
import { signIn } from './session';

/** The web view's sign-in: the user's API token, exchanged for a session cookie. */
export function SignIn({ t, onSignedIn }: { t: T; onSignedIn(): void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(token.trim());
      if (result.ok) onSignedIn();
      else setError(t('webappSignInRefused', result.message));
    } catch {
      setError(t('webappSignInNetwork'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="dash-page">
      <h1>{t('dashPageTitle')}</h1>
      <form className="pg-card" onSubmit={(e) => void submit(e)}>
        <h2>{t('webappSignInTitle')}</h2>
        <p className="pg-muted">{t('webappSignInHint')}</p>
        <label className="pg-field">
          {t('webappTokenLabel')}
          <input
            type="password"
            autoComplete="current-password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="pg-error">
            {error}
          </p>
        )}
        <button type="submit" className="pg-button" disabled={busy || token.trim() === ''}>
          {busy ? t('webappSigningIn') : t('webappSignIn')}
        </button>
      </form>
    </main>
  );
}
