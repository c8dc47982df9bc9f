import { optionalOne } from '../common/query';
import { dcSelectors } from './dc-selectors';
import { isDataCenterPage } from './dc-extract';
import { issueRoot } from './extract';
import { selectors } from './selectors';

/** The issue's breadcrumb (issue header), in the modal when one is open: where "Log this" goes. */
export function findButtonAnchor(doc: Document): Element | null {
  if (isDataCenterPage(doc)) return optionalOne(doc, dcSelectors.issueHeader);
  return optionalOne(issueRoot(doc), selectors.issueHeader);
}
