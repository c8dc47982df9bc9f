import { useEffect, useRef, useState } from 'react';
import { applyNeverLog } from '../../lib/capture/never-log';
import { sendToBackground } from '../../lib/messages';
import { neverLogMineItem, orgSettingsItem } from '../../lib/storage-items';
import { LogPanel, type PanelContent } from './log-panel';
import type { PanelEvent } from './panel-events';

/** Tells the framing content script; only the height, a save or a close, never the thread. */
function tellPage(event: PanelEvent) {
  window.parent.postMessage(event, '*');
}

/** The thread the content script left under `nonce`, never-log applied before anything renders it. */
async function panelContent(nonce: string): Promise<PanelContent> {
  const handoff = nonce ? await sendToBackground('panel-take', { nonce }) : null;
  if (!handoff) return { kind: 'no-thread' };
  const [org, mine] = await Promise.all([orgSettingsItem.getValue(), neverLogMineItem.getValue()]);
  const { thread, removed } = applyNeverLog(handoff.thread, [...(org?.neverLog ?? []), ...mine]);
  if (thread.messages.length === 0 && handoff.thread.messages.length > 0) return { kind: 'all-never-log' };
  return { kind: 'thread', thread, neverLogRemoved: removed };
}

/** The panel page: takes its thread, renders the panel and keeps the frame as tall as the panel. */
export function PanelApp({ nonce }: { nonce: string }) {
  const [content, setContent] = useState<PanelContent | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void panelContent(nonce).then(setContent, () => setContent({ kind: 'no-thread' }));
  }, [nonce]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => tellPage({ nonce, kind: 'height', height: el.scrollHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, [nonce]);

  return (
    <div ref={box}>
      {content ? (
        <LogPanel
          content={content}
          onClose={() => tellPage({ nonce, kind: 'close' })}
          onSaved={() => tellPage({ nonce, kind: 'saved' })}
        />
      ) : null}
    </div>
  );
}
