import type { SiteAdapter } from '../common/types';
import { isThreadPage } from './detect';
import { extract } from './extract';
import { findButtonAnchor } from './mount';
import { selectors } from './selectors';

export const adapter: SiteAdapter = { id: 'jira', isThreadPage, extract, findButtonAnchor, selectors };
