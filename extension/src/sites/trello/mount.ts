import { selectors } from './selectors';

/** Where the "Log this" button goes: the open card back's header (title and actions). Null while no card is open. */
export function findButtonAnchor(doc: Document): Element | null {
  return doc.querySelector(selectors.cardBackPanel)?.querySelector(selectors.cardHeader) ?? null;
}
