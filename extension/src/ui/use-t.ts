import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import { resolveLang, translate, type Lang, type MessageKey } from '../lib/i18n';
import { languagePrefItem } from '../lib/storage-items';
import { useStorageItem } from './use-storage-item';

export type T = (key: MessageKey, ...subs: (string | number)[]) => string;

/** `t()` in the language chosen in Options (or the browser's), re-rendering when the choice changes. */
export function useT(): { t: T; lang: Lang } {
  const pref = useStorageItem(languagePrefItem) ?? 'auto';
  const lang = resolveLang(pref, browser.i18n.getUILanguage());
  return useMemo(
    () => ({ lang, t: (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs) }),
    [lang],
  );
}
