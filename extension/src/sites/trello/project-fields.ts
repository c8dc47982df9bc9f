import type { ProjectFields } from '@comms-log/shared';
import { parseDateAttr, parseDateOnlyText } from '../common/date-only';
import { all, optionalOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { parseTimeText, type TimeContext } from '../common/time';
import { visibleText } from '../common/visible-text';
import { selectors } from './selectors';
import { dueMarkedComplete, dueMarkedIncomplete } from './words';

function fail(key: string, detail: string): never {
  throw new SiteChangedError('trello', key, detail);
}

/** A time element: its `datetime`, then its `title`, then its text; null when it has none of them. */
function readTime(el: Element, ctx: TimeContext): string | null {
  const dated = el.matches('[datetime]') ? el : el.querySelector('[datetime]');
  const fromAttr = parseDateAttr(dated?.getAttribute('datetime'), ctx.timeZone);
  if (fromAttr) return fromAttr;
  const title = (el.matches('[title]') ? el : el.querySelector('[title]'))?.getAttribute('title');
  const fromTitle = title ? (parseTimeText(title, ctx) ?? parseDateOnlyText(title, ctx)) : null;
  if (fromTitle) return fromTitle;
  // The badge's first span is the date; a status lozenge ("Complete", "Overdue") may follow it.
  const text = visibleText(el.querySelector('span') ?? el);
  return parseTimeText(text, ctx) ?? parseDateOnlyText(text, ctx);
}

/**
 * When the newest "marked the due date complete" action happened, or null when there is none or it was undone
 * later ("marked the due date incomplete"). The activity list is newest first.
 */
function dueCompletedAt(panel: ParentNode, ctx: TimeContext): string | null {
  for (const action of all(panel, selectors.action)) {
    if (optionalOne(action, selectors.commentContainer)) continue;
    const text = visibleText(action);
    if (dueMarkedIncomplete.some((re) => re.test(text))) return null;
    if (!dueMarkedComplete.some((re) => re.test(text))) continue;
    const permalink = optionalOne(action, selectors.actionPermalink) ?? fail('actionPermalink', 'no action link');
    return readTime(permalink, ctx) ?? fail('actionPermalink', 'unreadable time');
  }
  return null;
}

/** The card's status (the name of its list), due date and the moment its due date was marked complete. */
export function extractProjectFields(panel: ParentNode, ctx: TimeContext): ProjectFields {
  const list = optionalOne(panel, selectors.listName);
  const due = optionalOne(panel, selectors.dueDate);
  // A badge without digits shows no date; one with digits that cannot be read means the format changed.
  const dueAt = due
    ? (readTime(due, ctx) ?? (/\d/.test(visibleText(due)) ? fail('dueDate', 'unreadable date') : null))
    : null;
  return { status: list ? visibleText(list) || null : null, dueAt, doneAt: dueCompletedAt(panel, ctx) };
}
