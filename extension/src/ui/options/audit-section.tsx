import { useCallback, useEffect, useState } from 'react';
import type { AuditAction, AuditEntry } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../lib/api/error';
import { withApi } from '../../lib/api/session';
import { formatDateTime, type Lang, type MessageKey } from '../../lib/i18n';
import { whoamiItem } from '../../lib/storage-items';
import { errorText } from '../labels';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';

const PAGE = 50;

const actionKey: Record<AuditAction, MessageKey> = {
  'plan.update': 'opsActPlanUpdate',
  'plan.recompute': 'opsActPlanRecompute',
  'user.create': 'opsActUserCreate',
  'user.update': 'opsActUserUpdate',
  'token.create': 'opsActTokenCreate',
  'token.revoke': 'opsActTokenRevoke',
  'token.rotate': 'opsActTokenRotate',
  'stakeholder.merge': 'opsActStakeholderMerge',
  'stakeholder.deactivate': 'opsActStakeholderDeactivate',
  'stakeholder.erase': 'opsActStakeholderErase',
  'stakeholder.export': 'opsActStakeholderExport',
  'handle.allow': 'usersActHandleAllow',
  'import.stakeholders': 'opsActImportStakeholders',
  'import.surveys': 'opsActImportSurveys',
  'import.coverage': 'opsActImportCoverage',
  'org.update': 'opsActOrgUpdate',
};

type Loaded = { entries: AuditEntry[]; hasMore: boolean; busy: boolean; error: StoredError | null };

/** Admins: the org's audit trail, newest first, a page at a time (the server refuses everyone else). */
export function AuditSection({ t, lang }: { t: T; lang: Lang }) {
  const whoami = useStorageItem(whoamiItem);
  return whoami?.user.role === 'admin' ? <AuditTable t={t} lang={lang} /> : null;
}

function AuditTable({ t, lang }: { t: T; lang: Lang }) {
  const [loaded, setLoaded] = useState<Loaded>({ entries: [], hasMore: false, busy: true, error: null });
  const load = useCallback((before?: string) => {
    setLoaded((l) => ({ ...l, busy: true, error: null }));
    void withApi((c) => c.audit.list.query({ limit: PAGE, before })).then(
      (page) =>
        setLoaded((l) => ({
          entries: [...(before ? l.entries : []), ...page.entries],
          hasMore: page.hasMore,
          busy: false,
          error: null,
        })),
      (err: unknown) => setLoaded((l) => ({ ...l, busy: false, error: toStoredError(err) })),
    );
  }, []);
  useEffect(() => load(), [load]);
  const last = loaded.entries[loaded.entries.length - 1];

  return (
    <section className="pg-card" aria-label={t('opsAuditTitle')} data-testid="audit-section">
      <h2>{t('opsAuditTitle')}</h2>
      <p className="pg-muted">{t('opsAuditIntro')}</p>
      {loaded.busy && loaded.entries.length === 0 ? <p className="pg-muted">{t('opsAuditLoading')}</p> : null}
      {loaded.error ? (
        <p className="pg-error" role="alert">
          {errorText(t, loaded.error)}
        </p>
      ) : null}
      {!loaded.busy && !loaded.error && loaded.entries.length === 0 ? <p>{t('opsAuditNone')}</p> : null}
      {loaded.entries.length > 0 ? (
        <table className="pg-table" aria-label={t('opsAuditTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('opsAuditWhen')}</th>
              <th scope="col">{t('opsAuditWho')}</th>
              <th scope="col">{t('opsAuditWhat')}</th>
              <th scope="col">{t('opsAuditDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.entries.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>{formatDateTime(lang, e.at)}</td>
                <td>
                  <bdi>{e.actor === 'cli' ? t('opsAuditCli') : e.actor}</bdi>
                </td>
                <td>{t(actionKey[e.action], e.target ?? '')}</td>
                <td>
                  <code className="pg-muted">{JSON.stringify(e.detail).slice(0, 300)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {loaded.hasMore && last ? (
        <button type="button" disabled={loaded.busy} onClick={() => load(last.id)}>
          {t('opsAuditMore')}
        </button>
      ) : null}
    </section>
  );
}
