import { describe, expect, it } from 'vitest';
import { isThreadPage, issueKeyFromUrl } from './detect';

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
    // other sites' fixture URLs
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMpSLQdcSkCqNnPpHCCpjTdC',
    'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAArBdQLSuLcKQYFhyxxmp%2BsKoAEADvh7Nu%2BCeA5X5U3kSjAPSt',
    'https://weibo.com/5893321047/QucZuvOKc',
    'https://api.weibo.com/chat/#/chat?to_uid=6012345678&source_from=2',
    'https://trello.com/c/Gm4Ps7Yc/33-media-asia-tech-review-interview-prep-jakarta-launch',
  ])('rejects %s', (url) => expect(isThreadPage(new URL(url))).toBe(false));
});
