import { useCallback, useState } from 'react';

/**
 * The instant the figures are evaluated at (fixed per load, so every view agrees) and a version bumped when the data
 * behind them changed; `bumpData` moves both on.
 */
export function useDataVersion() {
  const [dataVersion, setDataVersion] = useState(0);
  const [asOf, setAsOf] = useState(() => new Date().toISOString());
  const bumpData = useCallback(() => {
    setAsOf(new Date().toISOString());
    setDataVersion((n) => n + 1);
  }, []);
  return { asOf, dataVersion, bumpData };
}
