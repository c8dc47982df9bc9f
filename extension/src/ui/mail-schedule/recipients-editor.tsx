import type { MailRecipient } from '@comms-log/shared';
import type { T } from '../use-t';

/** The recipients of the report, each with the language their e-mail is written in. */
export function RecipientsEditor(props: { t: T; recipients: MailRecipient[]; onChange(next: MailRecipient[]): void }) {
  const { t, recipients, onChange } = props;
  const set = (i: number, patch: Partial<MailRecipient>) =>
    onChange(recipients.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      <ul className="pg-list" aria-label={t('webappMailRecipients')}>
        {recipients.map((r, i) => (
          // Rows are edited in place and never reordered: the position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i}>
            <input
              type="email"
              aria-label={t('webappMailAddress', i + 1)}
              value={r.email}
              maxLength={320}
              size={36}
              required
              onChange={(e) => set(i, { email: e.target.value })}
            />
            <select
              aria-label={t('webappMailLanguage', i + 1)}
              value={r.language}
              onChange={(e) => set(i, { language: e.target.value === 'zh-CN' ? 'zh-CN' : 'en' })}
            >
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
            <button
              type="button"
              className="pg-link"
              aria-label={t('remove', r.email || String(i + 1))}
              onClick={() => onChange(recipients.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="pg-button"
        onClick={() => onChange([...recipients, { email: '', language: 'zh-CN' }])}
      >
        {t('webappMailAdd')}
      </button>
    </>
  );
}
