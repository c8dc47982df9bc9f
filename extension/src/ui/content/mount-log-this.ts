import type { CapturedThread } from '@comms-log/shared';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ApiError } from '../../lib/api/error';
import type { LogThisView } from '../../lib/log-this/types';
import { sendToBackground } from '../../lib/messages';
import { reportSiteFailure } from '../../lib/site-health/from-page';
import type { SiteAdapter } from '../../sites/common/types';
import { buildLogThisButton, type LogThisButton } from './log-this-button';
import css from './log-this.css?inline';
import { openPanelFrame } from './panel-frame';
import { quietThreadKey, readPage } from './read-page';
import { watchPage } from './watch-page';

/** Until the background answers (or when it cannot): the words the browser's own language gives. */
function fallbackView(): LogThisView {
  const t = (key: string) => browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0]);
  return {
    logThis: t('logThis'),
    logged: null,
    noThread: t('noThread'),
    unavailable: t('panelUnavailable'),
    siteChanged: t('siteChanged'),
  };
}

/**
 * Gives the read thread to the background for the panel frame. The background checks it against the shared schema
 * (adapters carry no zod: docs/architecture.md "Content scripts"), so a capture that is not whole is refused here,
 * naming its field, instead of reaching the panel.
 */
async function handOff(nonce: string, thread: CapturedThread): Promise<{ field: string | null } | null> {
  try {
    await sendToBackground('panel-put', { nonce, handoff: { thread } });
    return null;
  } catch (err) {
    return { field: err instanceof ApiError && err.code === 'invalid' ? err.detail : null };
  }
}

/**
 * Wiring for one site: keeps a "Log this" button at the adapter's anchor as the single-page app navigates and
 * re-renders; a click reads the page and opens the panel frame, or says in the button why nothing can be logged.
 */
export async function mountLogThis(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  // From here to the first button is what the content script adds to a page load (`pnpm bench`, page cost).
  performance.mark('comms-log:start');
  let anchor: Element | null = null;
  let mountedHref = '';
  let closePanel: (() => void) | null = null;
  let shown: LogThisButton | null = null;
  let view = fallbackView();

  async function refresh() {
    const threadKey = quietThreadKey(adapter);
    view = await sendToBackground('log-this-view', { threadKey }).catch(() => view);
    shown?.setLabel(view.logThis);
    shown?.setNote(view.logged ? { text: view.logged, tone: 'logged' } : null);
  }

  async function openPanel() {
    const read = readPage(adapter);
    if (read.kind !== 'thread') {
      if (read.kind === 'site-changed') reportSiteFailure(adapter.id, read.field);
      const text = read.kind === 'site-changed' ? view.siteChanged.replace('$1', read.field) : view.noThread;
      shown?.setNote({ text, tone: 'problem' });
      return;
    }
    closePanel?.();
    const nonce = crypto.randomUUID();
    const refused = await handOff(nonce, read.thread);
    if (refused) {
      if (refused.field) reportSiteFailure(adapter.id, refused.field);
      const text = refused.field ? view.siteChanged.replace('$1', refused.field) : view.unavailable;
      shown?.setNote({ text, tone: 'problem' });
      return;
    }
    closePanel = await openPanelFrame(ctx, {
      nonce,
      title: view.logThis,
      onClose: () => {
        closePanel = null;
      },
      onSaved: () => void refresh(),
    });
  }

  const button = await createShadowRootUi(ctx, {
    name: 'comms-log-log-this',
    css,
    position: 'inline',
    anchor: () => anchor,
    append: 'last',
    onMount(container) {
      shown = buildLogThisButton(container, () => void openPanel());
      shown.setLabel(view.logThis);
      if (performance.getEntriesByName('comms-log:button-shown').length === 0)
        performance.mark('comms-log:button-shown');
      void refresh();
    },
    onRemove() {
      shown = null;
    },
  });

  watchPage(ctx, () => {
    const url = new URL(location.href);
    const next = adapter.isThreadPage(url) ? adapter.findButtonAnchor(document) : null;
    const attached = button.shadowHost.isConnected;
    if (next === anchor && (next === null || attached) && mountedHref === location.href) return;
    if (mountedHref !== location.href) closePanel?.();
    button.remove();
    anchor = next;
    mountedHref = location.href;
    if (anchor) button.mount();
  });
}
