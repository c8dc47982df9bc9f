import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh_CN.json';
import { formatRelative, resolveLang, translate } from './i18n';

describe('i18n', () => {
  it('has every English message in Chinese too, with the same substitutions', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const subs = (s: string) => (s.match(/\$[1-9]/g) ?? []).sort();
      expect(subs((zhCN as Record<string, string>)[key]!), key).toEqual(subs(text));
    }
  });

  it('follows the browser unless overridden', () => {
    expect(resolveLang('auto', 'zh-CN')).toBe('zh_CN');
    expect(resolveLang('auto', 'en-GB')).toBe('en');
    expect(resolveLang('en', 'zh-CN')).toBe('en');
    expect(resolveLang('zh_CN', 'fr')).toBe('zh_CN');
  });

  it('substitutes $1…$9', () => {
    expect(translate('en', 'alreadyLogged', 3, '2 hours ago')).toBe('Logged 3 messages, 2 hours ago');
    expect(translate('zh_CN', 'alreadyLogged', 3, '2小时前')).toBe('已记录 3 条消息，2小时前');
    expect(translate('en', 'logThis')).toBe('Log this');
    expect(translate('zh_CN', 'logThis')).toBe('记录此对话');
  });

  it('says how long ago in the chosen language', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(formatRelative('en', '2026-03-10T10:00:00Z', now)).toBe('2 hours ago');
    expect(formatRelative('zh_CN', '2026-03-10T10:00:00Z', now)).toBe('2小时前');
  });
});
