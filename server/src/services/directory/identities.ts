import { TRPCError } from '@trpc/server';
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { IdentityInput, IdentityKind } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { identities, stakeholders } from '../../db/schema';
import { refuseErasedIdentities } from '../erasure/erased-handles';
import { isFreeMailDomain } from './free-mail';

export class IdentityFormatError extends Error {}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN =
  /^(?=.{1,253}$)([a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]*[a-z0-9\u00a1-\uffff])?\.)+[a-z\u00a1-\uffff]{2,}$/;

/**
 * The stored form of an identity: lower-case; `mailto:` dropped from emails; `@`, a scheme, `www.` and any
 * path dropped from domains; phones as digits with an optional leading `+`. Throws IdentityFormatError when
 * the value cannot be that kind.
 */
export function normalizeIdentity(kind: IdentityKind, raw: string): string {
  const value = raw.trim().toLowerCase();
  switch (kind) {
    case 'email': {
      const email = value.replace(/^mailto:/, '');
      if (!EMAIL.test(email)) throw new IdentityFormatError(`"${raw}" is not an email address`);
      return email;
    }
    case 'domain': {
      const domain = value
        .replace(/^[a-z]+:\/\//, '')
        .replace(/^@/, '')
        .replace(/^www\./, '')
        .replace(/[/?#].*$/, '')
        .replace(/\.$/, '');
      if (!DOMAIN.test(domain)) throw new IdentityFormatError(`"${raw}" is not a domain such as example.com`);
      return domain;
    }
    case 'phone': {
      const digits = value.replace(/[^\d+]/g, '');
      const phone = (digits.startsWith('+') ? '+' : '') + digits.replace(/\+/g, '');
      if (phone.replace('+', '').length < 5) throw new IdentityFormatError(`"${raw}" is not a phone number`);
      return phone;
    }
    default:
      if (value.length === 0) throw new IdentityFormatError(`an empty ${kind} handle`);
      return value;
  }
}

/** The domain of an email address (lower-case), or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/** `a.b.example.com` → [`a.b.example.com`, `b.example.com`, `example.com`]: a domain identity covers its subdomains. */
export function domainAndParents(domain: string): string[] {
  const parts = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i <= parts.length - 2; i++) out.push(parts.slice(i).join('.'));
  return out;
}

/** A normalised identity. */
export type IdentityKey = { kind: IdentityKind; value: string };

/**
 * Identities rows holding any of `keys` (a non-empty list), next to an `org_id = ?` term. A row-value IN list lets
 * SQLite seek the (org, kind, value) index once per key; an OR of (kind AND value) terms made it scan every
 * identity of the org instead — per row of a stakeholder import, quadratic in the org's size.
 */
export const anyIdentity = (keys: readonly IdentityKey[]): SQL =>
  sql`(${identities.kind}, ${identities.value}) IN (VALUES ${sql.join(
    keys.map((k) => sql`(${k.kind}, ${k.value})`),
    sql`, `,
  )})`;

/** Normalise identities, refusing malformed values and free-mail domains (they would identify everyone). */
export function normalizeIdentities(list: IdentityInput[]): IdentityKey[] {
  const seen = new Set<string>();
  const out: IdentityKey[] = [];
  for (const identity of list) {
    let value: string;
    try {
      value = normalizeIdentity(identity.kind, identity.value);
    } catch (e) {
      if (e instanceof IdentityFormatError)
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Identity ${identity.kind}: ${e.message}.` });
      throw e;
    }
    if (identity.kind === 'domain' && isFreeMailDomain(value)) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `${value} is a public email provider: it cannot identify an organisation. Add the person's address as an email identity instead.`,
      });
    }
    const key = `${identity.kind}:${value}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ kind: identity.kind, value });
    }
  }
  return out;
}

/** Refuse identities that already belong to another stakeholder of the org than `stakeholderId`, naming it. */
export async function assertIdentitiesFree(
  db: DbOrTx,
  orgId: string,
  list: IdentityKey[],
  stakeholderId: string | null,
) {
  if (list.length === 0) return;
  await refuseErasedIdentities(db, orgId, list);
  const clashes = await db
    .select({ kind: identities.kind, value: identities.value, name: stakeholders.name })
    .from(identities)
    .innerJoin(stakeholders, eq(stakeholders.id, identities.stakeholderId))
    .where(
      and(
        eq(identities.orgId, orgId),
        anyIdentity(list),
        stakeholderId ? ne(identities.stakeholderId, stakeholderId) : undefined,
      ),
    )
    .limit(1);
  const clash = clashes[0];
  if (clash) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `The ${clash.kind} ${clash.value} already belongs to the stakeholder "${clash.name}".`,
    });
  }
}
