/** What the panel page tells the content script that framed it (panel-frame.ts), under the frame's nonce. */
export type PanelEvent =
  | { nonce: string; kind: 'height'; height: number }
  | { nonce: string; kind: 'saved' }
  | { nonce: string; kind: 'close' };
