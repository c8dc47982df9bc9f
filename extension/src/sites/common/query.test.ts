// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { all, optionalOne, requireAttr, requireOne, requireSome } from './query';
import { SiteChangedError, isSiteChangedError } from './site-changed-error';

describe('query helpers', () => {
  it('find elements and report a missing one by site and key, without page text', () => {
    document.body.innerHTML = '<h2 class="hP" data-x="1">Secret subject</h2><p>a</p><p>b</p>';
    expect(requireOne(document, 'gmail', 'threadSubject', 'h2.hP').textContent).toBe('Secret subject');
    expect(optionalOne(document, 'h3')).toBeNull();
    expect(all(document, 'p')).toHaveLength(2);
    expect(requireSome(document, 'gmail', 'para', 'p')).toHaveLength(2);
    expect(requireAttr(document.querySelector('h2')!, 'gmail', 'threadId', 'data-x')).toBe('1');

    const err = (() => {
      try {
        requireOne(document, 'jira', 'issueKey', '[data-testid="nope"]');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SiteChangedError);
    expect(isSiteChangedError(err)).toBe(true);
    expect((err as SiteChangedError).site).toBe('jira');
    expect((err as SiteChangedError).selectorKey).toBe('issueKey');
    expect((err as Error).message).toContain('issueKey');
    expect(() => requireSome(document, 'gmail', 'messages', 'li')).toThrow(/gmail.*messages/);
    expect(() => requireAttr(document.querySelector('h2')!, 'gmail', 'threadId', 'data-y')).toThrow(SiteChangedError);
  });
});
