import { useEffect, useState } from 'react';
import type { SiteHealthEntry } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../lib/api/error';
import { withApi } from '../../lib/api/session';
import { formatDateTime, type Lang } from '../../lib/i18n';
import { whoamiItem } from '../../lib/storage-items';
import { errorText } from '../labels';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'entries'; entries: SiteHealthEntry[] }
  | { kind: 'error'; error: StoredError };

/** Admins: which site's adapter broke since when, as the org's extensions reported it (the server refuses others). */
export function SiteHealthSection({ t, lang }: { t: T; lang: Lang }) {
  const whoami = useStorageItem(whoamiItem);
  return whoami?.user.role === 'admin' ? <SiteHealthTable t={t} lang={lang} /> : null;
}

function SiteHealthTable({ t, lang }: { t: T; lang: Lang }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void withApi((c) => c.siteHealth.list.query()).then(
      (entries) => live && setLoaded({ kind: 'entries', entries }),
      (err: unknown) => live && setLoaded({ kind: 'error', error: toStoredError(err) }),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="pg-card" aria-label={t('healthTitle')}>
      <h2>{t('healthTitle')}</h2>
      <p className="pg-muted">{t('healthIntro')}</p>
      {loaded.kind === 'loading' ? <p className="pg-muted">{t('healthLoading')}</p> : null}
      {loaded.kind === 'error' ? (
        <p className="pg-error" role="alert">
          {errorText(t, loaded.error)}
        </p>
      ) : null}
      {loaded.kind === 'entries' && loaded.entries.length === 0 ? <p>{t('healthNone')}</p> : null}
      {loaded.kind === 'entries' && loaded.entries.length > 0 ? (
        <table className="pg-table" aria-label={t('healthTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('healthSite')}</th>
              <th scope="col">{t('healthField')}</th>
              <th scope="col">{t('healthVersion')}</th>
              <th scope="col">{t('healthSince')}</th>
              <th scope="col">{t('healthLast')}</th>
              <th scope="col">{t('healthFailures')}</th>
              <th scope="col">{t('healthPeople')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.entries.map((e) => (
              <tr key={`${e.site} ${e.adapterVersion} ${e.field}`}>
                <td title={e.hosts.join(', ')}>{e.site}</td>
                <td>
                  <bdi>{e.field}</bdi>
                </td>
                <td>{e.adapterVersion}</td>
                <td>{formatDateTime(lang, e.firstAt)}</td>
                <td>{formatDateTime(lang, e.lastAt)}</td>
                <td>{e.failures}</td>
                <td>{e.users}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
