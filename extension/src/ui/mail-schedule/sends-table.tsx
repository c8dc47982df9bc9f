import type { MailSend } from '@comms-log/shared';
import { formatDateTime, type Lang } from '../../lib/i18n';
import type { T } from '../use-t';

const statusKey = { sent: 'webappMailSent', failed: 'webappMailFailed', sending: 'webappMailSending' } as const;

/** The log of report e-mails: newest first, with attempts and the SMTP server's last refusal. */
export function SendsTable({ t, lang, sends }: { t: T; lang: Lang; sends: MailSend[] }) {
  if (sends.length === 0) return <p className="pg-muted">{t('webappMailNoSends')}</p>;
  return (
    <table className="pg-table" aria-label={t('webappMailLog')}>
      <thead>
        <tr>
          <th>{t('webappMailWhen')}</th>
          <th>{t('webappMailPeriod')}</th>
          <th>{t('webappMailTo')}</th>
          <th>{t('webappMailStatus')}</th>
          <th>{t('webappMailAttempts')}</th>
          <th>{t('webappMailError')}</th>
        </tr>
      </thead>
      <tbody>
        {sends.map((s) => (
          <tr key={s.id}>
            <td>{formatDateTime(lang, s.sentAt ?? s.claimedAt)}</td>
            <td>{s.period}</td>
            <td>
              <bdi>{s.email}</bdi> ({s.language})
            </td>
            <td>{t(statusKey[s.status])}</td>
            <td>{s.attempts}</td>
            <td>
              <bdi>{s.lastError ?? ''}</bdi>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
