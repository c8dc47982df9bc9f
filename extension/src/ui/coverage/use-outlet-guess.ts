import { useEffect } from 'react';
import type { CoveragePrefill } from '../../lib/coverage/prefill';
import { isUsableOutlet, outletBySiteName, outletDomains } from '../../lib/coverage/outlet-match';
import { sendToBackground, type StakeholderSummary } from '../../lib/messages';
import type { PickedStakeholder } from '../stakeholder-picker';

/** The page's outlet in the directory: by the page's domain first (the local copy, then the server), then its site name. */
async function guessOutlet(prefill: CoveragePrefill): Promise<StakeholderSummary | null> {
  const domains = outletDomains(prefill.url);
  if (domains.length > 0) {
    const matches = await sendToBackground('match-handles', {
      handles: domains.map((value) => ({ kind: 'domain' as const, value })),
    }).catch(() => []);
    const hit = matches.find((m) => isUsableOutlet(m.stakeholder));
    if (hit?.stakeholder) return hit.stakeholder;
  }
  if (!prefill.siteName) return null;
  const found = await sendToBackground('search-stakeholders', { text: prefill.siteName, limit: 20 }).catch(() => []);
  return outletBySiteName(prefill.siteName, found);
}

/** Picks the page's outlet once, when the directory knows it and nothing was picked meanwhile. */
export function useOutletGuess(
  prefill: CoveragePrefill,
  setOutlet: (update: (p: PickedStakeholder) => PickedStakeholder) => void,
) {
  useEffect(() => {
    let live = true;
    void guessOutlet(prefill).then((found) => {
      if (live && found) setOutlet((picked) => picked ?? { kind: 'existing', stakeholder: found });
    });
    return () => {
      live = false;
    };
  }, [prefill, setOutlet]);
}
