import { BLANK, type FollowupsPaint, type PaintRow } from '../../lib/followups/paint-shape';
import { formatRelative } from '../../lib/intl-format';
import type { SyncStatus } from '../../lib/sync/status';

/*
 * The popup's first paint as plain DOM (prepaint.ts draws it): the stored first screen's words in the popup's
 * markup, every text as text, never as markup.
 */

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

const fill = (template: string, value: string | number) => template.replace(BLANK, String(value));

/** What the header says about the connection: the Options page's words when not signed in, else the last error. */
export type HeaderState = { sync: SyncStatus | undefined; configured: boolean };

/** Pending and refused counts, the last sync and the last error, as the popup's header says them. */
function headerEl(paint: FollowupsPaint, { sync, configured }: HeaderState, now: Date): HTMLElement {
  const header = el('header', 'pg-header');
  const status = el('div', 'pg-status');
  const pending = el('p', 'pg-pending', fill(paint.templates.pending, sync?.pending ?? 0));
  if (sync && sync.rejected > 0)
    pending.append(el('span', 'pg-warn', ` · ${fill(paint.templates.rejected, sync.rejected)}`));
  const last = sync?.lastSyncAt ? formatRelative(paint.lang, sync.lastSyncAt, now) : paint.never;
  status.append(pending, el('p', 'pg-muted', fill(paint.templates.lastSync, last)));
  const error = configured ? sync?.lastError : { code: 'not-configured' as const, detail: '' };
  if (error) status.append(el('p', 'pg-error', fill(paint.errors[error.code] ?? paint.errors.unknown, error.detail)));
  const logPage = el('div', 'pg-actions');
  logPage.style.cssText = 'flex-basis: 100%; justify-content: flex-start; flex-wrap: wrap';
  logPage.append(button('pg-button', paint.logPage));
  header.append(status, button('pg-button pg-primary', paint.syncNow), logPage);
  return header;
}

function listEl(paint: FollowupsPaint, now: Date): HTMLElement {
  const panel = el('section', 'fu-panel-root');
  panel.append(
    el('p', 'pg-muted fu-updated', fill(paint.templates.updated, formatRelative(paint.lang, paint.computedAt, now))),
  );
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
export function paintView(paint: FollowupsPaint, header: HeaderState, nowMs: number): HTMLElement {
  const now = new Date(nowMs);
  const popup = el('div', 'pg-popup');
  const tabs = el('div', 'pg-tabs');
  paint.tabs.forEach((label, i) => {
    const tab = button('pg-tab', label);
    tab.setAttribute('aria-selected', String(i === 0));
    tabs.append(tab);
  });
  const panel = el('section', 'pg-tabpanel');
  panel.append(listEl(paint, now));
  const footer = el('footer', 'pg-footer');
  footer.append(button('pg-link', paint.footer[0]), el('a', 'pg-link', paint.footer[1]));
  popup.append(headerEl(paint, header, now), tabs, panel, footer);
  return popup;
}
