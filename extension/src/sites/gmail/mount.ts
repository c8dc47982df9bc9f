import { optionalOne } from '../common/query';
import { findOpenThreadSubject } from './extract';
import { selectors } from './selectors';

/**
 * The open thread's toolbar, where "Log this" goes; a conversation in its own window has none, and the button
 * sits beside the subject instead. Null until a thread is shown.
 */
export function findButtonAnchor(doc: Document): Element | null {
  const subject = findOpenThreadSubject(doc);
  if (!subject) return null;
  const view = subject.closest(selectors.threadView) ?? doc;
  return optionalOne(view, selectors.threadToolbar) ?? subject.parentElement;
}
