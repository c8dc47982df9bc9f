import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../ui/popup/popup-app';

/** The full popup: loaded after its first paint, so React and the rest of its code do not delay that paint. */
export function mountPopup(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <PopupApp />
    </StrictMode>,
  );
}
