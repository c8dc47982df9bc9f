import type { ReactNode } from 'react';

/** One headline figure of a view, under its label. */
export function FigureCard({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dash-card">
      <span className="dash-card-label">{label}</span>
      {children}
    </div>
  );
}
