import type { ReactNode } from 'react';
import { useDashboard, type AnyDrill } from './dashboard-context';

/**
 * A figure that opens the interactions (or the evaluation records) behind it. Its accessible name says what it counts ("14 interactions:
 * Customer, Email"), so a screen reader (and Playwright) reads the figure with its meaning.
 */
export function FigureButton({
  value,
  label,
  spec,
  className,
  testId,
}: {
  value: ReactNode;
  label: string;
  spec: AnyDrill;
  className?: string;
  testId?: string;
}) {
  const { drill } = useDashboard();
  return (
    <button
      type="button"
      className={`dash-figure ${className ?? ''}`}
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={() => drill(spec)}
    >
      {value}
    </button>
  );
}
