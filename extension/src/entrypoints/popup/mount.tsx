import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The full popup carries its own styles too: the page's first script inlines the same rules for the first paint.
import '../../ui/pages.css';
import '../../ui/popup/followups.css';
import '../../ui/popup/rejected-list.css';
import { PopupApp } from '../../ui/popup/popup-app';
import { endPrepaint } from '../../ui/popup/prepaint';

/** Past this, the full popup shows even if its list has not come (it then says why). */
const PREPAINT_MAX_MS = 3_000;

/** The full popup: loaded after its first paint, so React and the rest of its code do not delay that paint. */
export function mountPopup(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <PopupApp />
    </StrictMode>,
  );
  setTimeout(endPrepaint, PREPAINT_MAX_MS);
}
