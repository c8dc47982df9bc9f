import { describe, expect, it } from 'vitest';
import { bareAddress, clientAddress, invalidProxyEntries, trustedProxyList } from './client-address';

const proxies = trustedProxyList(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);

describe('the client address behind trusted proxies', () => {
  it('is the peer when no proxy is trusted or the peer is not one, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', null)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '198.51.100.1', null)).toBe('127.0.0.1');
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
  });

  it('is the first untrusted hop from the right when the peer is a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    // Two proxies: the inner one appended the outer one's address.
    expect(clientAddress('10.1.2.3', '198.51.100.1, 10.9.9.9', proxies)).toBe('198.51.100.1');
    // The client wrote its own X-Forwarded-For: only what the trusted proxy appended counts.
    expect(clientAddress('127.0.0.1', '1.1.1.1, 2.2.2.2, 198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:127.0.0.1', '[2001:db8::5]:443', proxies)).toBe('2001:db8::5');
    expect(clientAddress('fd00::1', '198.51.100.1:5123', proxies)).toBe('198.51.100.1');
  });

  it('falls back to the leftmost hop, then the peer, when every address is a proxy', () => {
    expect(clientAddress('127.0.0.1', '10.0.0.7, 10.0.0.8', proxies)).toBe('10.0.0.7');
    expect(clientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ' , ', proxies)).toBe('127.0.0.1');
  });

  it('writes addresses bare and names entries that are not addresses or ranges', () => {
    expect(bareAddress(' ::FFFF:192.0.2.1 ')).toBe('192.0.2.1');
    expect(bareAddress('[::1]')).toBe('::1');
    expect(
      invalidProxyEntries(['10.0.0.0/8', '::1', 'fd00::/8', 'proxy.local', '10.0.0.0/33', '1.2.3.4/x', '1/2/3']),
    ).toEqual(['proxy.local', '10.0.0.0/33', '1.2.3.4/x', '1/2/3']);
  });
});
