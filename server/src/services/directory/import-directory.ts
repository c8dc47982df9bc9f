import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { stakeholders } from '../../db/schema';
import { eventLoopSlices } from '../event-loop-slices';
import type { IdentityKey } from './identities';
import { identityHolders } from './match';

/** SQLite's lower(): ASCII letters only. */
const sqliteLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const identityKey = (k: IdentityKey) => `${k.kind}:${k.value}`;

/**
 * Stakeholders and identity keys read per statement. Statements awaited back to back never let the event loop run:
 * the org's 10,000 stakeholders and 20,000 keys read at once held it 0.5–1.4 s (load average 13).
 */
const STAKEHOLDERS_PER_READ = 2_000;
const KEYS_PER_READ = 200;

/**
 * The org's directory as a stakeholder import sees it, read once (its stakeholders' names and organizations, and
 * the holders of the identities the file names) and kept up to date by the file's rows, so that a row is matched
 * in memory as it would be against the rows before it written. A stakeholder is named by a `ref`: its id, or a
 * placeholder for one that a row of the file creates.
 */
export class ImportDirectory {
  readonly #refsByName = new Map<string, Set<string>>();
  readonly #nameKeyOf = new Map<string, string>();
  readonly #organizationOf = new Map<string, string | null>();
  readonly #holderOf = new Map<string, string>();

  /** The org's stakeholders, and who holds each of `keys`. */
  static async read(db: DbOrTx, orgId: string, keys: readonly IdentityKey[]): Promise<ImportDirectory> {
    const directory = new ImportDirectory();
    const nextSlice = eventLoopSlices();
    for (let afterSeq = -1; ; ) {
      await nextSlice();
      const rows = await db
        .select({
          id: stakeholders.id,
          name: stakeholders.name,
          organization: stakeholders.organization,
          seq: stakeholders.seq,
        })
        .from(stakeholders)
        .where(and(eq(stakeholders.orgId, orgId), gt(stakeholders.seq, afterSeq)))
        .orderBy(asc(stakeholders.seq))
        .limit(STAKEHOLDERS_PER_READ);
      for (const r of rows) directory.record(r.id, r.name, r.organization, []);
      if (rows.length < STAKEHOLDERS_PER_READ) break;
      afterSeq = rows.at(-1)!.seq;
    }
    for (let i = 0; i < keys.length; i += KEYS_PER_READ) {
      await nextSlice();
      const held = await identityHolders(db, orgId, keys.slice(i, i + KEYS_PER_READ), { activeOnly: false });
      for (const [key, id] of held) directory.#holderOf.set(key, id);
    }
    return directory;
  }

  /** The distinct stakeholders holding any of `keys`. */
  holdersOf(keys: readonly IdentityKey[]): string[] {
    const refs = new Set<string>();
    for (const k of keys) {
      const ref = this.#holderOf.get(identityKey(k));
      if (ref) refs.add(ref);
    }
    return [...refs];
  }

  /** As SQL's lower(name) = the input's name lower-cased, the same for the organization: the first such stakeholder. */
  findByName(name: string, organization: string | null): string | null {
    const refs = this.#refsByName.get(`${name.toLowerCase()}\u0000${(organization ?? '').toLowerCase()}`);
    return refs?.values().next().value ?? null;
  }

  organizationOf(ref: string): string | null {
    return this.#organizationOf.get(ref) ?? null;
  }

  /** Record a stakeholder's name and organization as stored, and identities it now holds. */
  record(ref: string, name: string, organization: string | null, keys: readonly IdentityKey[]): void {
    const old = this.#nameKeyOf.get(ref);
    if (old !== undefined) this.#refsByName.get(old)?.delete(ref);
    const nameKey = `${sqliteLower(name)}\u0000${sqliteLower(organization ?? '')}`;
    this.#nameKeyOf.set(ref, nameKey);
    this.#refsByName.set(nameKey, (this.#refsByName.get(nameKey) ?? new Set()).add(ref));
    this.#organizationOf.set(ref, organization);
    for (const k of keys) this.#holderOf.set(identityKey(k), ref);
  }
}
