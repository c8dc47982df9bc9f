export interface BenchOptions {
  quick: boolean;
  /** (a) and (b): interactions written. */
  rows: number;
  /** (c): the one org's interactions, spread over its last `dashboardDays` days. */
  dashboardRows: number;
  dashboardDays: number;
  /** (c): a database an earlier (c) loaded and `--keep` kept, measured again without loading. */
  dashboardDb: string | null;
  /** (c): timed calls per query. */
  calls: number;
  /** Larger transactions measured in (a), for context. */
  largerTx: number[];
  only: Set<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h'>;
  /** (e): timed page loads per site. */
  pageLoads: number;
  /** (d): interactions of the one org whose 200-day report is timed. */
  reportRows: number;
  seed: number;
  keep: boolean;
  /** Profile the server during (b) and print where its CPU time went. */
  cpuProf: boolean;
  /** Run the (b) server as `node <these> --import tsx src/index.ts` instead of `tsx src/index.ts`. */
  serverNodeArgs: string[];
}

export const usage = `pnpm bench [--quick] [--rows N] [--dashboard-rows N] [--dashboard-days N] [--calls N] [--only a,b,c,d,e,f,g,h] [--seed N] [--keep] [--cpu-prof]
  --quick            small sizes for a smoke test (rows 5,000; one org of 50,000 rows; 20 calls)
  --rows N           interactions for (a) raw upsert and (b) sync.push (default 100,000)
  --dashboard-rows N interactions of the one org of (c) (default 1,000,000)
  --dashboard-days N days they span, up to the run's end (default 730)
  --dashboard-db F   measure (c) on the dashboard.db an earlier run kept (--keep), without loading again
  --calls N          timed calls per dashboard query, after 2 untimed (default 50)
  --only a,…,h       run only these parts ((b) and (f) report their ratio only when (a) ran; (d) the period report;
                     (e) the content scripts' page cost, on the built extension; (f) 8 clients pushing --rows at once, to one
                     server process and then to two on the same file, while a manager reads; (g) a 10,000-row
                     stakeholder import and a plan recompute with /healthz, a read and a push meanwhile; (h) a manager's local copy
                     of an org of --dashboard-rows interactions, 100 people: bytes pulled and IndexedDB size)
  --seed N           data seed (default 1)
  --keep             keep the temporary databases and print where they are
  --cpu-prof         profile the server process during (b) and (f), one process, and list its hottest functions
  --server-node-arg  run the (b) server as node FLAG --import tsx src/index.ts (repeatable), e.g.
                     --server-node-arg=--max-old-space-size=128 to see how a heap limit changes RSS and rows/s`;

function positiveInt(name: string, value: string | undefined): number {
  const n = Number(value?.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Error(`--${name} needs a positive integer, got ${value ?? 'nothing'}\n${usage}`);
  return n;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const o: BenchOptions = {
    quick,
    rows: quick ? 5_000 : 100_000,
    dashboardDays: 730,
    dashboardDb: null,
    dashboardRows: quick ? 50_000 : 1_000_000,
    calls: quick ? 20 : 50,
    largerTx: [2_000, 10_000],
    only: new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']),
    pageLoads: quick ? 5 : 15,
    reportRows: quick ? 20_000 : 200_000,
    seed: 1,
    keep: false,
    cpuProf: false,
    serverNodeArgs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--quick':
        break;
      case '--rows':
        o.rows = positiveInt('rows', value());
        break;
      case '--dashboard-db':
        o.dashboardDb = value() ?? null;
        break;
      case '--dashboard-days':
        o.dashboardDays = positiveInt('dashboard-days', value());
        break;
      case '--dashboard-rows':
        o.dashboardRows = positiveInt('dashboard-rows', value());
        break;
      case '--calls':
        o.calls = positiveInt('calls', value());
        break;
      case '--seed':
        o.seed = positiveInt('seed', value());
        break;
      case '--only': {
        const parts = (value() ?? '').split(',').map((s) => s.trim());
        if (!parts.length || parts.some((p) => !['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].includes(p)))
          throw new Error(`--only takes a comma list of a, b, c, d, e, f, g, h\n${usage}`);
        o.only = new Set(parts as ('a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h')[]);
        break;
      }
      case '--keep':
        o.keep = true;
        break;
      case '--cpu-prof':
        o.cpuProf = true;
        break;
      case '--server-node-arg': {
        const flag = value();
        if (!flag?.startsWith('--'))
          throw new Error(`--server-node-arg takes a node flag such as --max-old-space-size=128\n${usage}`);
        o.serverNodeArgs.push(flag);
        break;
      }
      case '--help':
      case '-h':
        throw new Error(usage);
      case '--':
        break;
      default:
        throw new Error(`unknown option ${a}\n${usage}`);
    }
  }
  return o;
}
