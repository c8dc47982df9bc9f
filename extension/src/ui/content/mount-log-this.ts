import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
  type ShadowRootContentScriptUiOptions,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { CapturedThread } from '@comms-log/shared';
import type { SiteAdapter } from '../../sites/common/types';
import { isSiteChangedError } from '../../sites/common/site-changed-error';
import { threadKeyOf } from '../../lib/capture/thread-to-interactions';
import { applyNeverLog } from '../../lib/capture/never-log';
import { neverLogMineItem, orgSettingsItem } from '../../lib/storage-items';
import { LogPanel, type PanelContent } from './log-panel';
import { LogThisButton } from './log-this-button';

/** Re-checking the page at most this often keeps busy apps (Gmail re-renders constantly) cheap to watch. */
const RECHECK_MS = 300;

function extractOptions() {
  return { url: location.href, now: new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/** The thread key of the page, if the adapter can read the thread now; silent on failure (the click reports it). */
function quietThreadKey(adapter: SiteAdapter): string | null {
  try {
    const thread = adapter.extract(document, extractOptions());
    return thread ? threadKeyOf(thread) : null;
  } catch {
    return null;
  }
}

/** Reads the thread for the panel, never-log applied before anything else sees it. */
async function capture(adapter: SiteAdapter): Promise<PanelContent> {
  let thread: CapturedThread | null;
  try {
    thread = adapter.extract(document, extractOptions());
  } catch (err) {
    if (isSiteChangedError(err)) return { kind: 'site-changed', selectorKey: err.selectorKey };
    throw err;
  }
  if (!thread) return { kind: 'no-thread' };
  const [org, mine] = await Promise.all([orgSettingsItem.getValue(), neverLogMineItem.getValue()]);
  const { thread: kept, removed } = applyNeverLog(thread, [...(org?.neverLog ?? []), ...mine]);
  if (kept.messages.length === 0 && thread.messages.length > 0) return { kind: 'all-never-log' };
  return { kind: 'thread', thread: kept, neverLogRemoved: removed };
}

/** A shadow-root UI holding a React root, rendered by `render` on mount and unmounted on removal. */
function reactShadowUi(
  ctx: ContentScriptContext,
  options: Omit<ShadowRootContentScriptUiOptions<Root>, 'position' | 'append' | 'onMount' | 'onRemove'>,
  render: (root: Root) => void,
): Promise<ShadowRootContentScriptUi<Root>> {
  return createShadowRootUi(ctx, {
    ...options,
    position: 'inline',
    append: 'last',
    onMount(container) {
      const root = createRoot(container);
      render(root);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
}

/** Calls `check` once now, then at most every RECHECK_MS while the page changes or navigates. */
function watchPage(ctx: ContentScriptContext, check: () => void): void {
  let timer: number | null = null;
  const schedule = () => {
    if (timer !== null) return;
    timer = ctx.setTimeout(() => {
      timer = null;
      check();
    }, RECHECK_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  check();
}

/**
 * Wiring for one site: keeps a "Log this" button at the adapter's anchor as the single-page app navigates and
 * re-renders, and opens the panel (its own shadow root on <body>, so page containers cannot clip it).
 */
export async function mountLogThis(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  let anchor: Element | null = null;
  let mountedHref = '';
  let refresh = 0;
  let panelContent: PanelContent | null = null;

  const panel = await reactShadowUi(
    ctx,
    {
      name: 'comms-log-panel',
      anchor: 'body',
      // Typing in the panel must not reach the site's keyboard shortcuts (Gmail's "c", "r", …).
      isolateEvents: ['keydown', 'keyup', 'keypress'],
    },
    (root) => renderPanel(root),
  );
  const button = await reactShadowUi(ctx, { name: 'comms-log-log-this', anchor: () => anchor }, (root) =>
    renderButton(root),
  );

  function closePanel() {
    panelContent = null;
    panel.remove();
  }

  function renderPanel(root: Root) {
    if (!panelContent) return;
    root.render(
      <LogPanel
        key={Date.now()}
        content={panelContent}
        onClose={closePanel}
        onSaved={() => {
          refresh++;
          if (button.mounted) renderButton(button.mounted);
        }}
      />,
    );
  }

  function renderButton(root: Root) {
    root.render(
      <LogThisButton threadKey={quietThreadKey(adapter)} refresh={refresh} onClick={() => void openPanel()} />,
    );
  }

  async function openPanel() {
    panelContent = await capture(adapter);
    if (panel.mounted) renderPanel(panel.mounted);
    else panel.mount();
  }

  watchPage(ctx, () => {
    const url = new URL(location.href);
    const next = adapter.isThreadPage(url) ? adapter.findButtonAnchor(document) : null;
    const attached = button.shadowHost.isConnected;
    if (next === anchor && (next === null || attached) && mountedHref === location.href) return;
    if (mountedHref !== location.href && panelContent) closePanel();
    button.remove();
    anchor = next;
    mountedHref = location.href;
    if (anchor) button.mount();
  });
}
