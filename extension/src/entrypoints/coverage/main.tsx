import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CoverageApp } from '../../ui/coverage/coverage-app';
import '../../ui/pages.css';
import '../../ui/coverage/coverage.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CoverageApp />
  </StrictMode>,
);
