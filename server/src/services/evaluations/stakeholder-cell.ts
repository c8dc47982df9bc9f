import { and, eq, sql } from 'drizzle-orm';
import type { StakeholderType } from '@comms-log/shared';
import { stakeholders } from '../../db/schema';
import { domainAndParents, IdentityFormatError, normalizeIdentity } from '../directory/identities';
import { matchHandles } from '../directory/match';
import type { ServiceCtx } from '../service-ctx';

/* The stakeholder a record import's cell names (a survey's respondent, a report's outlet). */

export type NamedStakeholder = { id: string; name: string; type: StakeholderType };

/** How a cell names its stakeholder. */
export interface StakeholderCellSpec {
  /** The column, for messages. */
  column: string;
  /** How to name one, for the message when none is found. */
  hint: string;
  /** An email address may also name the stakeholder holding its domain, and a bare domain names its holder. */
  byDomain: boolean;
  /** Among several of one name, the one of this type is meant. */
  prefer?: StakeholderType;
}

/**
 * Resolves cells to the org's stakeholders, each cell once per import: by id, by identity (an email address; with
 * `byDomain` its domain, or a domain, as `directory.match` matches them), else by name.
 */
export class StakeholderCellResolver {
  readonly #known = new Map<string, NamedStakeholder | string>();

  constructor(
    readonly ctx: ServiceCtx,
    readonly spec: StakeholderCellSpec,
  ) {}

  /** The stakeholder, or why the cell names none. */
  async resolve(cell: string): Promise<NamedStakeholder | string> {
    let found = this.#known.get(cell);
    if (found === undefined) {
      found = await this.#lookup(cell);
      this.#known.set(cell, found);
    }
    return found;
  }

  #byId(id: string): Promise<NamedStakeholder | undefined> {
    const { db, user } = this.ctx;
    return db
      .select({ id: stakeholders.id, name: stakeholders.name, type: stakeholders.type })
      .from(stakeholders)
      .where(and(eq(stakeholders.orgId, user.orgId), eq(stakeholders.id, id)))
      .then((rows) => rows[0]);
  }

  /** The id of the stakeholder an email address or a domain names, as `directory.match` finds it. */
  async #byIdentity(cell: string): Promise<string | null> {
    if (cell.includes('@')) {
      const [match] = await matchHandles(this.ctx, { handles: [{ kind: 'email', value: cell }] });
      return match && (match.via === 'exact' || this.spec.byDomain) ? match.stakeholderId : null;
    }
    if (!this.spec.byDomain) return null;
    let domain: string;
    try {
      domain = normalizeIdentity('domain', cell);
    } catch (e) {
      if (e instanceof IdentityFormatError) return null;
      throw e;
    }
    // A domain identity covers its subdomains: the most specific one held wins.
    const handles = domainAndParents(domain).map((value) => ({ kind: 'domain' as const, value }));
    const matches = await matchHandles(this.ctx, { handles });
    return matches.find((m) => m.stakeholderId !== null)?.stakeholderId ?? null;
  }

  async #byName(cell: string): Promise<NamedStakeholder | string> {
    const { db, user } = this.ctx;
    const { column, prefer } = this.spec;
    const named = await db
      .select({ id: stakeholders.id, name: stakeholders.name, type: stakeholders.type })
      .from(stakeholders)
      .where(and(eq(stakeholders.orgId, user.orgId), sql`lower(${stakeholders.name}) = ${cell.toLowerCase()}`))
      .limit(20);
    const preferred = named.filter((s) => s.type === prefer);
    const candidates = preferred.length ? preferred : named;
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1) return `${column}: several stakeholders are named ${cell}; give its id or email instead`;
    return `${column}: no stakeholder ${cell} in your org (${this.spec.hint})`;
  }

  async #lookup(cell: string): Promise<NamedStakeholder | string> {
    const byId = await this.#byId(cell);
    if (byId) return byId;
    const viaIdentity = await this.#byIdentity(cell);
    if (viaIdentity) return (await this.#byId(viaIdentity))!;
    return this.#byName(cell);
  }
}
