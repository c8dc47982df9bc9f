import en from '../locales/en.json';
import zhCN from '../locales/zh_CN.json';
import { localeTag, type Lang } from './intl-format';

/**
 * The UI's own lookup over the same message files the manifest uses (`src/locales/*.json`, built into
 * `_locales` by @wxt-dev/i18n). browser.i18n only follows the browser's language; this one honours the
 * override chosen in Options.
 */
export type MessageKey = keyof typeof en;

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, zh_CN: zhCN };

/** A message with `$1`…`$9` replaced by the substitutions (missing keys fall back to English). */
export function translate(lang: Lang, key: MessageKey, ...subs: (string | number)[]): string {
  const template = catalogs[lang][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\$([1-9])/g, (whole, n: string) => {
    const sub = subs[Number(n) - 1];
    return sub === undefined ? whole : String(sub);
  });
}

// Kept apart from the message files so the popup's first paint can use them before the catalogs load.
export { formatRelative, localeTag, resolveLang, type Lang } from './intl-format';

export function formatDateTime(lang: Lang, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(localeTag(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}
