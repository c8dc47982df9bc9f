import { describe, expect, it } from 'vitest';
import { matchPattern, parseOwnDomain, scriptId } from './own-domain';

describe('own domains', () => {
  it.each([
    ['jira.example.cn', 'https://jira.example.cn'],
    ['  https://jira.example.cn/jira/browse/SUP-1 ', 'https://jira.example.cn'],
    ['http://jira.intranet.example:8080', 'http://jira.intranet.example:8080'],
    ['10.1.2.3', 'https://10.1.2.3'],
    ['JIRA.Example.CN', 'https://jira.example.cn'],
  ])('reads %s as %s', (input, origin) => {
    expect(parseOwnDomain(input, 'jira')).toEqual({ origin, kind: 'jira' });
  });

  it.each([
    ['', 'empty'],
    ['*.example.cn', 'not-a-host'],
    ['jira', 'not-a-host'],
    ['ftp://jira.example.cn', 'not-a-host'],
    ['https://user:pw@jira.example.cn', 'not-a-host'],
    ['northwind.atlassian.net', 'built-in'],
    ['m.weibo.cn', 'built-in'],
  ])('refuses %s (%s)', (input, problem) => expect(parseOwnDomain(input, 'jira')).toBe(problem));

  it('refuses a kind without an own-host adapter', () => {
    expect(parseOwnDomain('mail.example.cn', 'gmail')).toBe('kind');
  });

  it('matches the host on any port and names one script per origin', () => {
    expect(matchPattern({ origin: 'http://jira.intranet.example:8080' })).toBe('http://jira.intranet.example/*');
    expect(scriptId({ origin: 'https://jira.example.cn' })).toBe('own-domain:https://jira.example.cn');
  });
});
