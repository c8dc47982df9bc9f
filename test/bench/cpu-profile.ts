import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  /** % of all samples with this function on the stack (once per sample, recursion counted once). */
  inclusivePct: number;
  selfPct: number;
}

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/(server|shared)\/src\//, '$1/src/')
    .replace(/^.*\/server\/dist\//, 'dist/')
    .replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '');

/**
 * The functions of the project (server/src, shared/src) and native/library frames they call, ranked by time on
 * the stack, from the largest `.cpuprofile` in `dir` (the main thread's).
 */
export function hotFunctions(dir: string, top = 25): { totalMs: number; functions: HotFunction[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const biggest = files.map((f) => ({ f, size: readFileSync(join(dir, f)).length })).sort((a, b) => b.size - a.size)[0];
  if (!biggest) return { totalMs: 0, functions: [] };
  const profile = JSON.parse(readFileSync(join(dir, biggest.f), 'utf8')) as Profile;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : '(native)'}`;
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const leaf = byId.get(id)!;
    if (leaf.callFrame.functionName === '(idle)') return;
    total += dt;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = parent.has(n.id) ? byId.get(parent.get(n.id)!) : undefined) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
    }
  });
  // The server runs as its esbuild bundle (server/dist/index.js): its own functions, shared's and the libraries'
  // appear there under their names.
  const interesting = (l: string) =>
    / (server|shared)\/src\//.test(l) ||
    /dist\/index\.js:/.test(l) ||
    /\(native\)$/.test(l) ||
    /libsql|drizzle/.test(l);
  const functions = [...inclusive.entries()]
    .filter(([l]) => interesting(l) && !/^\((root|program|garbage collector)\)/.test(l))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({
      name,
      inclusivePct: Math.round((1000 * t) / total) / 10,
      selfPct: Math.round((1000 * (self.get(name) ?? 0)) / total) / 10,
    }));
  const gc = self.get('(garbage collector) (native)') ?? 0;
  if (gc)
    functions.push({
      name: '(garbage collector)',
      inclusivePct: Math.round((1000 * gc) / total) / 10,
      selfPct: Math.round((1000 * gc) / total) / 10,
    });
  return { totalMs: Math.round(total / 1000), functions };
}
