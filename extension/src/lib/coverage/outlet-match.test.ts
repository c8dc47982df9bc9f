import { describe, expect, it } from 'vitest';
import type { StakeholderSummary } from '../outbox/directory';
import { outletBySiteName, outletDomains } from './outlet-match';

const entry = (id: string, name: string, type: StakeholderSummary['type'], extra: Partial<StakeholderSummary> = {}) =>
  ({ id, name, type, organization: null, pending: false, ...extra }) satisfies StakeholderSummary;

describe('outletDomains', () => {
  it('gives the host without www and its parents, most specific first', () => {
    expect(outletDomains('https://www.ectechdaily.cn/news/a.html')).toEqual(['ectechdaily.cn']);
    expect(outletDomains('https://tech.sina.com.cn/i/2026-03-12/doc.shtml')).toEqual([
      'tech.sina.com.cn',
      'sina.com.cn',
      'com.cn',
    ]);
  });

  it('gives nothing for an address or a link it cannot read', () => {
    expect(outletDomains('http://127.0.0.1:8080/a')).toEqual([]);
    expect(outletDomains('')).toEqual([]);
    expect(outletDomains('localhost')).toEqual([]);
  });
});

describe('outletBySiteName', () => {
  it('takes the media entry named like the site, ignoring other types and ones not yet on the server', () => {
    const found = [
      entry('C1', '华东科技报', 'customer'),
      entry('L1', '华东科技报', 'media', { pending: true }),
      entry('M2', '华东科技报社', 'media'),
      entry('M1', '华东科技报', 'media'),
    ];
    expect(outletBySiteName('华东科技报', found)?.id).toBe('M1');
  });

  it("matches the entry's organisation, or takes the only media entry found", () => {
    expect(outletBySiteName('Daily Wire', [entry('M1', 'DW', 'media', { organization: 'daily wire' })])?.id).toBe('M1');
    expect(outletBySiteName('Daily', [entry('M1', 'Daily Wire', 'media'), entry('P1', 'Daily', 'partner')])?.id).toBe(
      'M1',
    );
  });

  it('picks none when it is unclear', () => {
    expect(outletBySiteName('Daily', [entry('M1', 'Daily Wire', 'media'), entry('M2', 'Daily Post', 'media')])).toBe(
      null,
    );
  });
});
