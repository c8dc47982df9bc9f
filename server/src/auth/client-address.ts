import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context as HonoContext } from 'hono';
import { BlockList, isIP } from 'node:net';

/*
 * The address the sign-in limiter counts a request under (README "Reliability and security"). Directly connected,
 * it is the peer. Behind proxies named in COMMS_LOG_TRUSTED_PROXIES (docs/web-view.md "Behind a proxy"), each proxy
 * appends the address it received the request from to X-Forwarded-For, so the client is the first address from the
 * right that is not one of those proxies; anything further left was written by the client and is not believed.
 */

const family = (ip: string) => (isIP(ip) === 4 ? 'ipv4' : 'ipv6');

/** One trusted-proxy entry: an address (`10.0.0.2`, `::1`) or a range (`10.0.0.0/8`, `fd00::/8`); null when neither. */
function parseEntry(entry: string): { ip: string; prefix: number | null } | null {
  const [ip = '', prefix, extra] = entry.split('/');
  if (extra !== undefined || !isIP(ip)) return null;
  if (prefix === undefined) return { ip, prefix: null };
  const bits = Number(prefix);
  const max = isIP(ip) === 4 ? 32 : 128;
  return /^\d+$/.test(prefix) && bits <= max ? { ip, prefix: bits } : null;
}

/** The entries that are neither an address nor a range (what start-up refuses). */
export const invalidProxyEntries = (entries: readonly string[]): string[] =>
  entries.filter((e) => parseEntry(e) === null);

/** The trusted proxies as a list to check addresses against; entries are valid (`invalidProxyEntries`). */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`Not an address or a range: ${entry}`);
    if (parsed.prefix === null) list.addAddress(parsed.ip, family(parsed.ip));
    else list.addSubnet(parsed.ip, parsed.prefix, family(parsed.ip));
  }
  return list;
}

/** An address as peers and proxies write it, bare: no brackets or port, IPv4-mapped IPv6 as IPv4. */
export function bareAddress(raw: string): string {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:([\d.]+)$/i.exec(a);
  return mapped && isIP(mapped[1]!) === 4 ? mapped[1]! : a;
}

const trusts = (list: BlockList, address: string) => isIP(address) !== 0 && list.check(address, family(address));

/** The client's address: the peer's, or behind trusted proxies the first untrusted X-Forwarded-For hop from the right. */
export function clientAddress(peer: string, forwardedFor: string | undefined, trusted: BlockList | null): string {
  const from = bareAddress(peer);
  if (!trusted || !trusts(trusted, from)) return from;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map(bareAddress)
    .filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) if (!trusts(trusted, hops[i]!)) return hops[i]!;
  // Every hop is a trusted proxy: the request started inside, at the leftmost.
  return hops[0] ?? from;
}

/** The peer's address; requests built in-process (app.request in tests) have none and share one bucket. */
function peerAddress(c: HonoContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** How a request's client address is found, with `trustedProxies` (none: the peer, X-Forwarded-For ignored). */
export function requestAddress(trustedProxies: readonly string[] = []): (c: HonoContext) => string {
  const trusted = trustedProxies.length ? trustedProxyList(trustedProxies) : null;
  return (c) => clientAddress(peerAddress(c), c.req.header('x-forwarded-for'), trusted);
}
