import { optionalOne } from '../common/query';
import { selectors } from './selectors';

/** The reading pane's conversation header (the subject's container), where "Log this" goes. */
export function findButtonAnchor(doc: Document): Element | null {
  const pane = optionalOne(doc, selectors.readingPane);
  const subject = pane ? optionalOne(pane, selectors.subject) : null;
  return subject?.parentElement ?? null;
}
