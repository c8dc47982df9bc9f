import type { IdentityKind } from '@comms-log/shared';

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
