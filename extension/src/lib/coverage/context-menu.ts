import { browser } from 'wxt/browser';
import { resolveLang, translate } from '../i18n';
import { languagePrefItem } from '../storage-items';
import { logPageAsCoverage } from './log-page';

const MENU_ID = 'comms-log-coverage';

/** "Log this page as coverage" in the language chosen in Options (or the browser's), like the pages. */
async function menuTitle(): Promise<string> {
  return translate(resolveLang(await languagePrefItem.getValue(), browser.i18n.getUILanguage()), 'covLogPage');
}

/**
 * The "Log this page as coverage" context-menu item, for the background. Created at every start (the previous
 * one removed first), so it exists however the browser kept menus, in the language of the moment.
 *
 * `commsLogCoverage.logPageAsCoverage(tab)` is also put on the background's global scope: a test cannot click a
 * native context menu, so it calls what the item calls from the service worker.
 */
export function registerCoverageMenu(): void {
  void (async () => {
    await browser.contextMenus.remove(MENU_ID).catch(() => undefined);
    browser.contextMenus.create({ id: MENU_ID, title: await menuTitle(), contexts: ['page', 'link', 'selection'] });
  })();
  languagePrefItem.watch(() => {
    void menuTitle()
      .then((title) => browser.contextMenus.update(MENU_ID, { title }))
      .catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void logPageAsCoverage(tab ?? {}, info.pageUrl);
  });
  Object.assign(globalThis, { commsLogCoverage: { logPageAsCoverage } });
}
