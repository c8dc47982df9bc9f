/** Intl formatting that needs no message file: the popup's first paint uses it before the catalogs load. */

import type { LanguagePref } from './storage-items';

/** The UI languages (lib/i18n.ts has their message files). */
export type Lang = 'en' | 'zh_CN';

/** The language the UI speaks: the one chosen in Options, or the browser's. */
export function resolveLang(pref: LanguagePref, browserLanguage: string): Lang {
  if (pref !== 'auto') return pref;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
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
