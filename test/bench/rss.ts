import { readFileSync, readdirSync } from 'node:fs';

/** A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or null once the process is gone. */
export function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    // The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Every descendant of `root` (children first found by scanning /proc). */
export function descendants(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const parent = parentOf(pid);
    if (parent === null) continue;
    const list = byParent.get(parent) ?? [];
    list.push(pid);
    byParent.set(parent, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of byParent.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/**
 * The node process that runs `script` under `root`: tsx's CLI is itself a node process that spawns a second
 * node (with tsx's loader) to run the file, and that one spawns esbuild. The server is the node process whose
 * command line names the script and loads tsx's loader; `root` itself when it runs the script directly.
 */
export function scriptProcess(root: number, script: string): number | null {
  const candidates = [root, ...descendants(root)].filter((pid) => {
    const cmd = commandLine(pid);
    return cmd.includes(script) && !cmd.includes('/tsx/dist/cli.mjs') && /(^|\/)node /.test(`${cmd} `);
  });
  return candidates[candidates.length - 1] ?? null;
}

export interface RssSampler {
  /** Stop sampling; peak VmRSS seen (kB) and the process's VmHWM (kB, its lifetime peak) at that moment. */
  stop(): { peakRssKb: number; hwmKb: number | null; samples: number; treePeakRssKb: number };
}

/**
 * Sample VmRSS of `pid` every `everyMs` (and of the whole tree under `treeRoot`, for context: tsx's CLI and
 * esbuild run beside the server).
 */
export function sampleRss(pid: number, treeRoot: number, everyMs = 50): RssSampler {
  let peak = 0;
  let treePeak = 0;
  let samples = 0;
  let tree = [treeRoot, ...descendants(treeRoot)];
  let tick = 0;
  const timer = setInterval(() => {
    const rss = procStatusKb(pid, 'VmRSS');
    if (rss !== null) {
      peak = Math.max(peak, rss);
      samples++;
    }
    // The tree rarely changes: rescan /proc once a second only.
    if (++tick % 20 === 0) tree = [treeRoot, ...descendants(treeRoot)];
    let sum = 0;
    for (const p of tree) sum += procStatusKb(p, 'VmRSS') ?? 0;
    treePeak = Math.max(treePeak, sum);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakRssKb: peak, hwmKb: procStatusKb(pid, 'VmHWM'), samples, treePeakRssKb: treePeak };
    },
  };
}
