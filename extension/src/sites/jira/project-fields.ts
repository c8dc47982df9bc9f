import type { ProjectFields } from '@comms-log/shared';
import { parseDateAttr, parseDateOnlyText } from '../common/date-only';
import { optionalOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { parseTimeText, type TimeContext } from '../common/time';
import { collapseWhitespace, visibleText } from '../common/visible-text';
import { selectors } from './selectors';
import { jiraWords } from './words';

/** Read only when the element has no `datetime` or `title` (words.ts). */
const { resolvedLabels } = jiraWords;

function withoutLabel(text: string, labels: readonly string[]): string {
  const t = collapseWhitespace(text);
  for (const label of labels) {
    if (t.toLowerCase().startsWith(label.toLowerCase())) return t.slice(label.length).replace(/^[\s:：]+/, '');
  }
  return t;
}

/** Machine-readable first: a `datetime` (or `data-datetime`) attribute inside, then a `title`. */
function fromAttributes(el: Element, ctx: TimeContext, readTitle: (title: string) => string | null): string | null {
  const dated = el.matches('[datetime], [data-datetime]') ? el : el.querySelector('[datetime], [data-datetime]');
  const attr = dated?.getAttribute('datetime') ?? dated?.getAttribute('data-datetime');
  const fromAttr = parseDateAttr(attr, ctx.timeZone);
  if (fromAttr) return fromAttr;
  const titled = el.matches('[title]') ? el : el.querySelector('[title]');
  const title = titled?.getAttribute('title');
  return title ? readTitle(withoutLabel(title, resolvedLabels)) : null;
}

/** A field's date: null when the field is absent or shows no date ("None", "无"); a date it cannot read is a site change. */
function readDate(
  root: ParentNode,
  key: 'dueDate' | 'resolvedDate',
  ctx: TimeContext,
  readText: (text: string) => string | null,
): string | null {
  // The read view stands in for the lozenge, which Jira leaves out when no due date is set.
  const el =
    optionalOne(root, selectors[key]) ?? (key === 'dueDate' ? optionalOne(root, selectors.dueDateField) : null);
  if (!el) return null;
  const found = fromAttributes(el, ctx, readText);
  if (found) return found;
  const text = withoutLabel(visibleText(el), resolvedLabels);
  // Every date has digits; a field without any shows the empty value in the page's language.
  if (!/\d/.test(text)) return null;
  return readText(text) ?? fail(key);
}

function fail(key: string): never {
  throw new SiteChangedError('jira', key, 'unreadable date');
}

/** The open issue's status, due date (00:00 of that day in the zone) and resolution date. */
export function extractProjectFields(root: ParentNode, ctx: TimeContext): ProjectFields {
  const statusEl = optionalOne(root, selectors.status);
  const status = statusEl ? visibleText(statusEl) || null : null;
  const dueAt = readDate(root, 'dueDate', ctx, (text) => parseDateOnlyText(text, ctx));
  const doneAt = readDate(
    root,
    'resolvedDate',
    ctx,
    (text) => parseTimeText(text, ctx) ?? parseDateOnlyText(text, ctx),
  );
  return { status, dueAt, doneAt };
}
