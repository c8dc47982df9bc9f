import type { ExtensionBrowser } from './browser';

/**
 * Presses the extension's toolbar button over the tab showing `url`, as a user would: Chromium then grants the
 * extension activeTab on that tab (its URL and title, and running a script in it) until it navigates. A test
 * cannot click the toolbar or a native context menu; CDP's `Extensions.triggerAction` (which needs the browser's
 * `--enable-unsafe-extension-debugging`, set in browser.ts) runs the same action. It opens the popup over the tab;
 * the popup is not one of the context's pages.
 */
export async function pressToolbarButtonOn(browser: ExtensionBrowser, url: string): Promise<void> {
  const cdp = browser.context.browser();
  if (!cdp) throw new Error('the extension browser has no browser-level CDP connection');
  const session = await cdp.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === url);
    if (!tab) throw new Error(`no tab shows ${url} (tabs: ${targetInfos.map((t) => t.url).join(', ')})`);
    await session.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
  } finally {
    await session.detach();
  }
}
