import { useEffect, useId } from 'react';
import { fuDigestItem, fuNotifyLateItem } from '../../lib/followups/storage-items';
import { localeTag, type Lang } from '../../lib/i18n';
import { languagePrefItem, orgSettingsItem, whoamiItem, type LanguagePref } from '../../lib/storage-items';
import { captureLevelKey } from '../labels';
import { SyncHeader } from '../popup/sync-header';
import { useStorageItem } from '../use-storage-item';
import { useT, type T } from '../use-t';
import { MailScheduleSection } from '../mail-schedule/mail-schedule-section';
import { AuditSection } from './audit-section';
import { ConnectionSection } from './connection-section';
import { NeverLogSection } from './never-log-section';
import { OwnDomainsSection } from './own-domains-section';
import { SiteHealthSection } from './site-health-section';

/** The options page: connection, language, capture level, never-log list, own domains, notifications and sync. */
export function OptionsApp() {
  const { t, lang } = useT();
  useEffect(() => {
    document.documentElement.lang = localeTag(lang);
    document.title = t('optionsTitle');
  }, [lang, t]);

  return (
    <main className="pg-options">
      <h1>{t('optionsTitle')}</h1>
      <ConnectionSection t={t} />
      <LanguageSection t={t} />
      <CaptureSection t={t} />
      <NeverLogSection t={t} />
      <OwnDomainsSection t={t} />
      <FollowupNotificationsSection t={t} />
      <SiteHealthSection t={t} lang={lang} />
      <AdminMailSection t={t} lang={lang} />
      <AuditSection t={t} lang={lang} />
      <section className="pg-card" aria-label={t('sync')}>
        <h2>{t('sync')}</h2>
        <SyncHeader t={t} lang={lang} />
      </section>
    </main>
  );
}

/** The report e-mail schedule, for admins only (the server refuses everyone else). */
function AdminMailSection({ t, lang }: { t: T; lang: Lang }) {
  const whoami = useStorageItem(whoamiItem);
  return whoami?.user.role === 'admin' ? <MailScheduleSection t={t} lang={lang} /> : null;
}

function LanguageSection({ t }: { t: T }) {
  const pref = useStorageItem(languagePrefItem) ?? 'auto';
  const id = useId();
  return (
    <section className="pg-card" aria-label={t('language')}>
      <div className="pg-field">
        <label htmlFor={id}>{t('language')}</label>
        <select id={id} value={pref} onChange={(e) => void languagePrefItem.setValue(e.target.value as LanguagePref)}>
          <option value="auto">{t('langAuto')}</option>
          <option value="zh_CN">{t('langZh')}</option>
          <option value="en">{t('langEn')}</option>
        </select>
      </div>
    </section>
  );
}

function CaptureSection({ t }: { t: T }) {
  const settings = useStorageItem(orgSettingsItem);
  const whoami = useStorageItem(whoamiItem);
  const level = settings?.captureLevel ?? whoami?.org.captureLevel ?? null;
  return (
    <section className="pg-card" aria-label={t('captureLevel')}>
      <h2>{t('captureLevel')}</h2>
      <p data-testid="capture-level">{level ? t(captureLevelKey[level]) : t('captureUnknown')}</p>
    </section>
  );
}

/** Follow-up notifications: "now late" (off unless chosen) and the daily digest. */
function FollowupNotificationsSection({ t }: { t: T }) {
  const notifyLate = useStorageItem(fuNotifyLateItem) ?? false;
  const digest = useStorageItem(fuDigestItem) ?? true;
  return (
    <section className="pg-card" aria-label={t('fuOptionsTitle')}>
      <h2>{t('fuOptionsTitle')}</h2>
      <label className="pg-check" style={{ display: 'block', margin: '4px 0' }}>
        <input
          type="checkbox"
          checked={notifyLate}
          onChange={(e) => void fuNotifyLateItem.setValue(e.target.checked)}
        />{' '}
        {t('fuNotifyLate')}
      </label>
      <label className="pg-check" style={{ display: 'block', margin: '4px 0' }}>
        <input type="checkbox" checked={digest} onChange={(e) => void fuDigestItem.setValue(e.target.checked)} />{' '}
        {t('fuDigestOption')}
      </label>
    </section>
  );
}
