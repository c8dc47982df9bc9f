import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelApp } from '../../ui/content/panel-app';
import '../../ui/content/panel.css';

// The Log-this panel, framed by a site's content script (ui/content/panel-frame.ts); the hash is its nonce.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelApp nonce={location.hash.slice(1)} />
  </StrictMode>,
);
