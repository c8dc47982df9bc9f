import { browser } from 'wxt/browser';
import type { FollowupsPaint, PaintRow } from '../../lib/followups/paint';
import { formatRelative, localeTag, resolveLang } from '../../lib/intl-format';
import type { LanguagePref } from '../../lib/storage-items';

/*
 * The popup's first paint: the first screen of follow-ups the background wrote in words (lib/followups/paint.ts),
 * drawn with plain DOM before React, the message files, zod, luxon, the tRPC client and Dexie load. It is inert and
 * hidden from assistive technology; the full popup replaces it as soon as its own list is on screen. Every text
 * goes in as text, never as markup.
 */

const PREPAINT_ID = 'popup-prepaint';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(className: string, label: string): HTMLButtonElement {
  const b = el('button', className, label);
  b.type = 'button';
  return b;
}

function rowEl(row: PaintRow): HTMLElement {
  const article = el('article', `fu-row fu-${row.state}`);
  const line = el('div', 'fu-line');
  line.append(
    el('span', `fu-state fu-state-${row.state}`, row.stateLabel),
    el('bdi', 'fu-name', row.name),
    ...row.meta.map((m) => el('span', 'fu-meta', m)),
  );
  article.append(line);
  if (row.sub) {
    const sub = el('div', 'fu-sub', row.sub);
    sub.dir = 'auto';
    article.append(sub);
  }
  article.append(el('div', 'fu-detail', row.detail));
  if (row.actions.length) {
    const actions = el('div', 'fu-actions');
    actions.append(...row.actions.map((label) => button('fu-btn', label)));
    article.append(actions);
  }
  return article;
}

function headerEl(paint: FollowupsPaint): HTMLElement {
  const header = el('header', 'pg-header');
  const status = el('div', 'pg-status');
  // The sync state arrives with the popup's code: keep its two lines' room.
  status.append(el('p', 'pg-pending', '\u00a0'), el('p', 'pg-muted', '\u00a0'));
  const logPage = el('div', 'pg-actions');
  logPage.style.cssText = 'flex-basis: 100%; justify-content: flex-start; flex-wrap: wrap';
  logPage.append(button('pg-button', paint.logPage));
  header.append(status, button('pg-button pg-primary', paint.syncNow), logPage);
  return header;
}

function listEl(paint: FollowupsPaint, nowMs: number): HTMLElement {
  const panel = el('section', 'fu-panel-root');
  const relative = formatRelative(paint.lang, paint.computedAt, new Date(nowMs));
  panel.append(el('p', 'pg-muted fu-updated', `${paint.updated[0]}${relative}${paint.updated[1]}`));
  const scroll = el('div', 'fu-scroll');
  for (const group of paint.groups) {
    const title = el('h3', 'fu-group', `${group.title} `);
    title.append(el('span', 'fu-count', String(group.count)));
    scroll.append(title);
    if (group.empty) scroll.append(el('p', 'fu-empty', group.empty));
    for (const row of group.rows) scroll.append(rowEl(row));
  }
  panel.append(scroll);
  return panel;
}

/** The popup as it first looks: sync header, tabs (Follow-ups chosen), the list's first screen, footer. */
export function paintView(paint: FollowupsPaint, nowMs: number): HTMLElement {
  const popup = el('div', 'pg-popup');
  const tabs = el('div', 'pg-tabs');
  paint.tabs.forEach((label, i) => {
    const tab = button('pg-tab', label);
    tab.setAttribute('aria-selected', String(i === 0));
    tabs.append(tab);
  });
  const panel = el('section', 'pg-tabpanel');
  panel.append(listEl(paint, nowMs));
  const footer = el('footer', 'pg-footer');
  footer.append(button('pg-link', paint.footer[0]), el('a', 'pg-link', paint.footer[1]));
  popup.append(headerEl(paint), tabs, panel, footer);
  return popup;
}

/** Resolves once the frame holding the first paint has been drawn (or soon after, in a tab that never draws). */
const afterNextPaint = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

/**
 * Draws the stored first screen before `root` when it is in the popup's language, hides `root` until the full
 * popup calls `endPrepaint`, and resolves once it is on screen. Draws nothing without a stored screen.
 */
export async function prepaint(root: HTMLElement): Promise<void> {
  const stored = await browser.storage.local.get(['fuPaint', 'languagePref']);
  const paint = stored.fuPaint as FollowupsPaint | null | undefined;
  const pref = (stored.languagePref as LanguagePref | undefined) ?? 'auto';
  if (!paint || paint.lang !== resolveLang(pref, browser.i18n.getUILanguage())) return;
  const view = paintView(paint, Date.now());
  view.id = PREPAINT_ID;
  view.inert = true;
  view.setAttribute('aria-hidden', 'true');
  root.before(view);
  root.dataset.prepainted = '';
  document.documentElement.lang = localeTag(paint.lang);
  // Read back by the popup benchmark (test/bench/popup-paint.ts): time from navigation to the first row.
  performance.mark('fu-first-row');
  await afterNextPaint();
}

/** The full popup is on screen: the first paint goes, in the same frame. */
export function endPrepaint(): void {
  document.getElementById(PREPAINT_ID)?.remove();
  delete document.getElementById('root')?.dataset.prepainted;
}
