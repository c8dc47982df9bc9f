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

/** How long the full popup's code waits for the first paint to show before it loads anyway. */
const SHOWN_MAX_MS = 150;

/**
 * Resolves once the first paint is on screen: the page's first contentful paint, which is the first paint's frame
 * (nothing with text is drawn before it), reported when that frame is presented. Waiting for it rather than for
 * the next animation frame keeps the full popup's code from taking the CPU while the frame is still rastered and
 * drawn. After `SHOWN_MAX_MS` without one (a tab in the background draws nothing) it resolves anyway.
 */
const whenShown = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, SHOWN_MAX_MS);
    try {
      new PerformanceObserver((entries, observer) => {
        if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }).observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing here: the timer decides.
    }
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
 * drawn for the next open. Resolves once the first paint is on screen, or at once when nothing was drawn.
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
  await whenShown();
}

declare global {
  interface Window {
    /** Set by the popup's first script: settles once its first paint is on screen, or when there is none. */
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
