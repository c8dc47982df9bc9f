import type { Problems } from './checks';
import type { SoakFigures } from './soak';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);

/** Why syncs failed, other than the faults the run injects (drops and kills: "no answer"): server statuses. */
export function unexpectedFailures(f: SoakFigures): Record<string, number> {
  return Object.fromEntries(Object.entries(f.failures).filter(([kind]) => kind !== 'no answer'));
}

/** What went wrong in a run, in words; empty when it kept every promise. */
export function soakFailures(f: SoakFigures): string[] {
  const out: string[] = [];
  const problem = (what: string, p: Problems) => {
    if (p.count) out.push(`${p.count} ${what}: ${p.examples.join('; ')}`);
  };
  problem('lost', f.stored.lost);
  problem('duplicated', f.stored.duplicated);
  problem('derived mismatches', f.stored.derivedMismatches);
  if (f.stored.recomputeChanged) out.push(`recomputeOrg would change ${f.stored.recomputeChanged} rows`);
  problem('rejected', f.rejected);
  problem('pull mismatches', f.pullMismatches);
  if (f.unreadablePages.length) out.push(`unreadable pull pages: ${f.unreadablePages.join('; ')}`);
  const unexpected = unexpectedFailures(f);
  if (total(unexpected)) out.push(`syncs failed with server statuses ${JSON.stringify(unexpected)}`);
  if (f.kills.length !== f.options.kills) out.push(`${f.kills.length} of ${f.options.kills} kills made`);
  if (f.options.drop > 0 && total(f.proxy.dropped) === 0) out.push('the proxy dropped no answer');
  return out;
}
