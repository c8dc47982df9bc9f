import type { FollowupsPaint } from '../../lib/followups/paint-shape';
import type { HeaderState } from './prepaint-view';

/*
 * The last first screen the popup drew, kept in the extension page's own localStorage: the only storage an
 * extension page can read synchronously, so the next open draws it while the page is still parsed, before any
 * message to the browser process. It is a copy of what the background stored (`fuPaint`, the sync status), checked
 * against that on every open and corrected or forgotten at once (prepaint.ts).
 */

/** The first screen as drawn: the background's words and the header's state. */
export type Screen = { paint: FollowupsPaint; header: HeaderState };

const KEY = 'popupFirstScreen';

/** The screen the last open drew, or null (none kept, or unreadable: it is then dropped). */
export function recallScreen(storage: Storage = localStorage): Screen | null {
  try {
    const kept = JSON.parse(storage.getItem(KEY) ?? 'null') as Screen | null;
    return kept?.paint?.groups && kept.header ? kept : null;
  } catch {
    storage.removeItem(KEY);
    return null;
  }
}

export function keepScreen(screen: Screen, storage: Storage = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify(screen));
  } catch {
    // Full or disabled: the next open reads the extension's storage instead, a little later.
  }
}

export function forgetScreen(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

/** Whether two screens draw the same (both as JSON, as they are kept). */
export const sameScreen = (a: Screen, b: Screen) => JSON.stringify(a) === JSON.stringify(b);
