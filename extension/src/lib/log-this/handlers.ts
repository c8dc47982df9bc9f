import { capturedThreadSchema } from '@comms-log/shared';
import { browser } from 'wxt/browser';
import { ApiError } from '../api/error';
import type { MessageHandlers } from '../messages';
import type { CommsLogDb } from '../outbox/local-db';
import { createPanelHandoffs } from './handoff';
import { logThisView } from './view';

/** Only the extension's own panel page may take a handoff (a content script or another page may not). */
function isPanelPage(url: string | undefined): boolean {
  return Boolean(url?.startsWith(browser.runtime.getURL('/panel.html')));
}

/** The in-page button's words and the relay of a read thread from the content script to its panel frame. */
export function logThisHandlers(db: CommsLogDb): Pick<MessageHandlers, 'log-this-view' | 'panel-put' | 'panel-take'> {
  const handoffs = createPanelHandoffs();
  return {
    'log-this-view': ({ threadKey }) => logThisView(db, threadKey, new Date()),
    async 'panel-put'({ nonce, handoff }, sender) {
      if (!sender.tab) throw new ApiError('forbidden', 'only a content script hands a thread to the panel');
      const checked = capturedThreadSchema.safeParse(handoff.thread);
      // The detail is the field the adapter got wrong, shown on the button like a missing one.
      if (!checked.success) throw new ApiError('invalid', checked.error.issues[0]?.path.join('.') || 'thread');
      handoffs.put(nonce, { thread: checked.data });
      return { ok: true };
    },
    async 'panel-take'({ nonce }, sender) {
      if (!isPanelPage(sender.url)) throw new ApiError('forbidden', 'only the panel page takes a thread');
      return handoffs.take(nonce);
    },
  };
}
