import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '../../ui/dashboard/dashboard-app';
import '../../ui/pages.css';
import '../../ui/dashboard/dashboard.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardApp />
  </StrictMode>,
);
