import type { PanelHandoff } from './types';

/** A handoff not taken within this long is dropped: the panel asks for it as soon as its frame loads. */
const KEEP_MS = 60_000;
/** Bounds the memory a page could pin by clicking fast. */
const MAX_WAITING = 20;

type Waiting = { handoff: PanelHandoff; at: number };

/**
 * Threads on their way from a content script to its panel frame, by the frame's nonce. They pass through the
 * background because a page can post messages into a frame but cannot use the extension's messaging: a page
 * cannot plant a thread in the panel, and the thread never crosses the page's window.
 */
export function createPanelHandoffs(now: () => number = Date.now) {
  const waiting = new Map<string, Waiting>();
  function dropStale() {
    for (const [nonce, w] of waiting) if (now() - w.at > KEEP_MS) waiting.delete(nonce);
    while (waiting.size >= MAX_WAITING) waiting.delete(waiting.keys().next().value as string);
  }
  return {
    put(nonce: string, handoff: PanelHandoff): void {
      dropStale();
      waiting.set(nonce, { handoff, at: now() });
    },
    take(nonce: string): PanelHandoff | null {
      const w = waiting.get(nonce);
      waiting.delete(nonce);
      return w && now() - w.at <= KEEP_MS ? w.handoff : null;
    },
  };
}
