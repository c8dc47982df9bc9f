import { forgetScreen } from '../../ui/popup/prepaint-cache';

/**
 * After a pulled page's erasures: where the background is a page (Firefox's build), its localStorage is the popup's,
 * so the popup's kept first screen, which may name the people erased, goes at once. Chrome's service worker has no
 * localStorage; there the popup replaces it at its next open (docs/sync.md "Erasure").
 */
export function forgetKeptScreenAfter(erasures: number): void {
  if (erasures > 0 && typeof localStorage !== 'undefined') forgetScreen();
}
