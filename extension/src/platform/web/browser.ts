/*
 * The web view's stand-in for `wxt/browser` (docs/web-view.md "One dashboard, two builds"): the few calls the
 * dashboard makes, answered by the page. The web build resolves `wxt/browser` to this file.
 */

/** Where a signed-out visitor goes: the sign-in page. */
const signInUrl = '/app/';

export const browser = {
  i18n: {
    /** The language the page follows: the browser's, as the extension's pages do. */
    getUILanguage: (): string => navigator.language || 'en',
  },
  runtime: {
    /** The extension opens Options to sign in; the web view signs in on its own page. */
    openOptionsPage: async (): Promise<void> => {
      location.assign(signInUrl);
    },
    getURL: (path: string): string => new URL(path.replace(/^\//, ''), location.origin + signInUrl).href,
  },
  tabs: {
    create: async ({ url }: { url?: string }): Promise<void> => {
      if (url) window.open(url, '_blank', 'noopener');
    },
  },
};
