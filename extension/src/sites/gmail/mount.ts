import { optionalOne } from '../common/query';
import { findOpenThreadSubject } from './extract';
import { selectors } from './selectors';

/** The open thread's toolbar, where "Log this" goes; null until a thread is shown. */
export function findButtonAnchor(doc: Document): Element | null {
  const subject = findOpenThreadSubject(doc);
  if (!subject) return null;
  const view = subject.closest(selectors.threadView) ?? doc;
  return optionalOne(view, selectors.threadToolbar);
}
