import { describe, expect, it } from 'vitest';
import { describeRejectsOtherSites } from '../common/adapter-test-kit';
import { isOwnHostThreadPage, isThreadPage, issueKeyFromUrl } from './detect';

describeRejectsOtherSites('jira', isThreadPage);

describe('jira isThreadPage', () => {
  it.each([
    ['https://hexacloud.atlassian.net/browse/ATLAS-142', 'ATLAS-142'],
    ['https://northwind-robotics.atlassian.net/browse/CS-2087', 'CS-2087'],
    ['https://hexacloud.atlassian.net/jira/software/c/projects/MKT/boards/12?selectedIssue=MKT-77', 'MKT-77'],
    ['https://hexacloud.atlassian.net/jira/software/projects/MKT/issues/MKT-77', 'MKT-77'],
    ['https://hexacloud.atlassian.net/jira/servicedesk/projects/SD/queues/custom/1/SD-9', 'SD-9'],
  ])('accepts %s', (url, key) => {
    expect(isThreadPage(new URL(url))).toBe(true);
    expect(issueKeyFromUrl(new URL(url))).toBe(key);
  });

  it.each([
    'https://hexacloud.atlassian.net/jira/your-work',
    'https://hexacloud.atlassian.net/jira/software/c/projects/MKT/boards/12',
    'https://hexacloud.atlassian.net/browse/not-a-key',
    'https://atlassian.net.evil.example/browse/ATLAS-142',
    'http://hexacloud.atlassian.net/browse/ATLAS-142',
  ])('rejects %s', (url) => expect(isThreadPage(new URL(url))).toBe(false));
});

describe('jira on an own host (Data Center)', () => {
  it.each([
    ['https://jira.northwind-robotics.cn/browse/SUP-318', 'SUP-318'],
    ['https://jira.northwind-robotics.cn/jira/browse/SUP-88', 'SUP-88'],
    ['http://jira.intranet.example/browse/OPS-1', 'OPS-1'],
  ])('accepts %s only as an own host', (url, key) => {
    expect(isOwnHostThreadPage(new URL(url))).toBe(true);
    expect(isThreadPage(new URL(url))).toBe(false);
    expect(issueKeyFromUrl(new URL(url))).toBe(key);
  });

  it.each([
    'https://jira.northwind-robotics.cn/secure/Dashboard.jspa',
    'https://jira.northwind-robotics.cn/browse/SUP',
    'https://hexacloud.atlassian.net/browse/ATLAS-142',
    'ftp://jira.northwind-robotics.cn/browse/SUP-1',
  ])('rejects %s', (url) => expect(isOwnHostThreadPage(new URL(url))).toBe(false));
});
