import { pullResultSchema } from '@comms-log/shared';
import { trpcClient } from '../bench/client';
import type { Problems } from './checks';

/** What a holder of a token pulls from cursor 0 to the end, each page read with the shared schema. */
export interface FullPull {
  pages: number;
  /** Pages that did not parse (with the first problem), or a cursor that stood still while `hasMore`. */
  unreadable: string[];
  live: Set<string>;
}

/** Pull everything the token's holder may see, straight from the server (no faults), one page at a time. */
export async function pullEverything(url: string, token: string, limit = 500): Promise<FullPull> {
  const api = trpcClient(url, token);
  const out: FullPull = { pages: 0, unreadable: [], live: new Set() };
  let cursor = 0;
  for (;;) {
    const raw = await api.sync.pull.query({ cursor, limit });
    out.pages++;
    const page = pullResultSchema.safeParse(raw);
    if (!page.success) {
      out.unreadable.push(`page ${out.pages} after cursor ${cursor}: ${page.error.issues[0]?.message}`);
      return out;
    }
    for (const i of page.data.interactions) {
      out.live.delete(i.id);
      if (!i.deleted) out.live.add(i.id);
    }
    if (!page.data.hasMore) return out;
    if (page.data.cursor <= cursor) {
      out.unreadable.push(`page ${out.pages}: hasMore but the cursor stayed at ${cursor}`);
      return out;
    }
    cursor = page.data.cursor;
  }
}

/** Ids in one set and not the other, as problems named by `who`. */
export function compareLive(who: string, pulled: Set<string>, stored: Set<string>, into: Problems): void {
  for (const id of stored)
    if (!pulled.has(id)) {
      into.count++;
      if (into.examples.length < 10) into.examples.push(`${who} never pulled live ${id}`);
    }
  for (const id of pulled)
    if (!stored.has(id)) {
      into.count++;
      if (into.examples.length < 10) into.examples.push(`${who} holds ${id}, which is not live on the server`);
    }
}
