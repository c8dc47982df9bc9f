import { interactionInputSchema, type PushItem } from '@comms-log/shared';
import { generateInteractions, makeDirectory } from './generate';
import { pushItem } from './rows';

/*
 * The push writer's item check on its own (docs/sync.md "Under load"): 500 interactions as (b) pushes them, parsed
 * by the shared interaction schema over and over; prints the CPU an item. Run from test/:
 * `npx tsx bench/item-parse.ts [rounds]`, or with `node --cpu-prof --import tsx` to see which checks cost it.
 */

const DAY = 86_400_000;
const directory = makeDirectory(7, 400, 20);
const stakeholderIds = directory.stakeholders.map((_, i) => `01J0000000000000000000${String(i).padStart(4, '0')}`);
const endMs = Date.UTC(2026, 10, 1);
const made: PushItem[] = [];
for (const g of generateInteractions({ seed: 7, count: 500, startMs: endMs - 60 * DAY, endMs, directory }))
  made.push(pushItem(g, { stakeholderIds }));
// As the writer gets them: parsed from the request's JSON, then copied to its thread.
const items: PushItem[] = structuredClone(JSON.parse(JSON.stringify(made)));
const data = items.map((item) => (item.op === 'upsert' ? item.data : null));

const rounds = Number(process.argv[2] ?? 200);
for (let warm = 0; warm < 20; warm++) for (const d of data) interactionInputSchema.safeParse(d);
const cpu0 = process.cpuUsage();
let refused = 0;
for (let round = 0; round < rounds; round++)
  for (const d of data) if (!interactionInputSchema.safeParse(d).success) refused++;
const { user, system } = process.cpuUsage(cpu0);
const perItemUs = (user + system) / (rounds * data.length);
console.log(`${rounds} × ${data.length} items: ${perItemUs.toFixed(2)} µs CPU an item, ${refused} refused`);
