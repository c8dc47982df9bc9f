import { optionalOne } from '../common/query';
import { issueRoot } from './extract';
import { selectors } from './selectors';

/** The issue's breadcrumb (issue header), in the modal when one is open: where "Log this" goes. */
export function findButtonAnchor(doc: Document): Element | null {
  return optionalOne(issueRoot(doc), selectors.issueHeader);
}
