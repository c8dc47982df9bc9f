import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import css from './log-this.css?inline';
import type { PanelEvent } from './panel-events';

type FrameOptions = { nonce: string; title: string; onClose(): void; onSaved(): void };

/**
 * The Log-this panel: the extension's panel page in a frame on top of the page. An extension page runs under the
 * extension's policy, not the page's, and its React and schemas stay out of the content script. It tells its
 * size, a save and a close by posting to this window from the extension's origin, under the frame's nonce.
 */
export async function openPanelFrame(ctx: ContentScriptContext, opts: FrameOptions): Promise<() => void> {
  // The extension's base URL without its slash: what MessageEvent.origin says for its pages in Chrome and Firefox.
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  let frame: HTMLIFrameElement | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: 'comms-log-panel',
    css,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      frame = document.createElement('iframe');
      frame.className = 'cl-frame';
      frame.title = opts.title;
      frame.src = `${browser.runtime.getURL('/panel.html')}#${opts.nonce}`;
      frame.addEventListener('load', () => frame?.focus(), { once: true });
      container.append(frame);
    },
  });

  const onMessage = (e: MessageEvent) => {
    const event = e.data as Partial<PanelEvent> | null;
    // The page can post here too, but not from the extension's origin.
    if (e.origin !== extensionOrigin || event?.nonce !== opts.nonce) return;
    if (event.kind === 'height' && frame && typeof event.height === 'number')
      frame.style.height = `${Math.ceil(event.height)}px`;
    else if (event.kind === 'saved') opts.onSaved();
    else if (event.kind === 'close') close();
  };
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
  let open = true;
  function close() {
    if (!open) return;
    open = false;
    window.removeEventListener('message', onMessage);
    window.removeEventListener('keydown', onKey, true);
    ui.remove();
    opts.onClose();
  }
  window.addEventListener('message', onMessage);
  window.addEventListener('keydown', onKey, true);
  ctx.onInvalidated(close);
  ui.mount();
  return close;
}
