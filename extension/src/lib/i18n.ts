import en from '../locales/en.json';
import zhCN from '../locales/zh_CN.json';
import type { LanguagePref } from './storage-items';

/**
 * The UI's own lookup over the same message files the manifest uses (`src/locales/*.json`, built into
 * `_locales` by @wxt-dev/i18n). browser.i18n only follows the browser's language; this one honours the
 * override chosen in Options.
 */
export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'zh_CN';

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, zh_CN: zhCN };

export function resolveLang(pref: LanguagePref, browserLanguage: string): Lang {
  if (pref !== 'auto') return pref;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

/** A message with `$1`…`$9` replaced by the substitutions (missing keys fall back to English). */
export function translate(lang: Lang, key: MessageKey, ...subs: (string | number)[]): string {
  const template = catalogs[lang][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\$([1-9])/g, (whole, n: string) => {
    const sub = subs[Number(n) - 1];
    return sub === undefined ? whole : String(sub);
  });
}

/** BCP 47 tag for Intl formatters. */
export function localeTag(lang: Lang): string {
  return lang === 'zh_CN' ? 'zh-CN' : 'en';
}

/** "2 hours ago" / "2小时前", in the coarsest unit that is at least 1. */
export function formatRelative(lang: Lang, iso: string, now: Date): string {
  const diffSec = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31536000],
    ['month', 2592000],
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const rtf = new Intl.RelativeTimeFormat(localeTag(lang), { numeric: 'auto' });
  for (const [unit, seconds] of units) {
    if (Math.abs(diffSec) >= seconds) return rtf.format(Math.trunc(diffSec / seconds), unit);
  }
  return rtf.format(0, 'second');
}

export function formatDateTime(lang: Lang, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(localeTag(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}
