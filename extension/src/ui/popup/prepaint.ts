import { browser } from 'wxt/browser';
import type { FollowupsPaint } from '../../lib/followups/paint-shape';
import { localeTag, resolveLang } from '../../lib/intl-format';
import type { LanguagePref } from '../../lib/storage-items';
import type { SyncStatus } from '../../lib/sync/status';
import { forgetScreen, keepScreen, recallScreen, sameScreen, type Screen } from './prepaint-cache';
import { paintView } from './prepaint-view';

/*
 * The popup's first paint: the first screen of follow-ups the background wrote in words (lib/followups/paint.ts),
 * drawn with plain DOM by the page's first, classic script (entrypoints/popup-prepaint.ts) before React, the
 * message files, zod, luxon, the tRPC client and Dexie load. It is inert and hidden from assistive technology; the
 * full popup replaces it as soon as its own list is on screen.
 */

const PREPAINT_ID = 'popup-prepaint';

/**
 * Resolves once the frame holding the first paint has been drawn: the full popup's code starts loading then, not
 * while that frame is still being laid out and painted (or after 50 ms, in a tab that never draws). Waiting for
 * the frame to be presented as well (the first contentful paint) was measured: the first row showed no sooner and
 * the rows that can be acted on came ~40 ms later (test/bench/README.md).
 */
const afterNextFrame = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

/** The first screen the background has stored, or null when there is none in the popup's language. */
async function storedScreen(): Promise<Screen | null> {
  const stored = await browser.storage.local.get(['fuPaint', 'languagePref', 'syncStatus', 'serverUrl', 'token']);
  const paint = stored.fuPaint as FollowupsPaint | null | undefined;
  const pref = (stored.languagePref as LanguagePref | undefined) ?? 'auto';
  if (!paint || paint.lang !== resolveLang(pref, browser.i18n.getUILanguage())) return null;
  const sync = stored.syncStatus as SyncStatus | undefined;
  // As the background's isConfigured (lib/api/session.ts) decides it.
  return { paint, header: { sync, configured: Boolean(stored.serverUrl && stored.token) } };
}

/** Draws `screen` before `root` (in place of one drawn before) and hides `root` until `endPrepaint`. */
function draw(root: HTMLElement, screen: Screen): void {
  const view = paintView(screen.paint, screen.header, Date.now());
  view.id = PREPAINT_ID;
  view.inert = true;
  view.setAttribute('aria-hidden', 'true');
  document.getElementById(PREPAINT_ID)?.remove();
  root.before(view);
  root.dataset.prepainted = '';
  document.documentElement.lang = localeTag(screen.paint.lang);
  // Read back by the popup benchmark (test/bench/popup-paint.ts): time from navigation to the first row.
  if (performance.getEntriesByName('fu-first-row').length === 0) performance.mark('fu-first-row');
}

/**
 * Draws the first screen the last open drew (kept in localStorage) at once, then checks it against what the
 * background has stored: draws that instead when it differs, removes it when there is none, and keeps what was
 * drawn for the next open. Resolves once the first paint's frame is drawn, or at once when nothing was drawn.
 */
export async function prepaint(root: HTMLElement): Promise<void> {
  const kept = recallScreen();
  if (kept) draw(root, kept);
  const stored = await storedScreen();
  if (!stored) {
    forgetScreen();
    if (kept) endPrepaint();
    return;
  }
  if (!kept || !sameScreen(kept, stored)) {
    draw(root, stored);
    keepScreen(stored);
  }
  await afterNextFrame();
}

declare global {
  interface Window {
    /** Set by the popup's first script: settles once its first paint's frame is drawn, or when there is none. */
    commsLogPrepaint?: Promise<void>;
  }
}

/** Starts the first paint and leaves its promise where the full popup's module (popup/main.tsx) waits for it. */
export function startPrepaint(root: HTMLElement): void {
  window.commsLogPrepaint = prepaint(root).catch(() => undefined);
}

/** The full popup is on screen: the first paint goes, in the same frame. */
export function endPrepaint(): void {
  document.getElementById(PREPAINT_ID)?.remove();
  delete document.getElementById('root')?.dataset.prepainted;
}
