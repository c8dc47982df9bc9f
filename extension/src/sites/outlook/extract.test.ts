import { describe, expect, it } from 'vitest';
import {
  describeFixtureCaptures,
  describeSelectorCoverage,
  siteChangedError,
  siteFixtures,
} from '../common/adapter-test-kit';
import { extract } from './extract';
import { findButtonAnchor } from './mount';
import { selectors } from './selectors';

const { load } = siteFixtures('outlook');
const base = 'partner-sync-thread';

const keyOf = (run: () => unknown) => siteChangedError('outlook', run).selectorKey;

describeFixtureCaptures('outlook', extract);
describeSelectorCoverage('outlook', selectors);

describe('outlook extract edge cases', () => {
  it('returns null when no conversation is open', () => {
    const f = load(base);
    expect(extract(f.document, { ...f, url: 'https://outlook.office.com/mail/inbox' })).toBeNull();
  });

  it.each([
    ['readingPane', selectors.readingPane],
    ['subject', selectors.subject],
    ['conversation', selectors.conversation],
    ['itemTime', selectors.itemTime],
    ['itemBody', selectors.itemBody],
    ['senderName', selectors.senderName],
  ])('throws SiteChangedError naming %s when it is missing', (key, selector) => {
    const f = load(base);
    for (const el of Array.from(f.document.querySelectorAll(selector))) el.remove();
    expect(keyOf(() => extract(f.document, f))).toBe(key);
  });

  it('names the account when the Me control, button and folder root are all gone', () => {
    const f = load(base);
    for (const key of ['accountButton', 'accountEmail', 'accountName', 'folderRoot'] as const) {
      f.document.querySelector(selectors[key])?.remove();
    }
    expect(keyOf(() => extract(f.document, f))).toBe('accountButton');
  });

  it('reads the account from the button label when the Me control is missing', () => {
    const f = load(base);
    f.document.querySelector(selectors.accountEmail)!.remove();
    f.document.querySelector(selectors.accountName)!.remove();
    expect(extract(f.document, f)).toEqual(f.expected);
  });

  it('skips a draft being written in the conversation', () => {
    const f = load('media-inquiry-thread');
    const conversation = f.document.querySelector(selectors.conversation)!.firstElementChild!;
    const draft = f.document.createElement('div');
    draft.setAttribute('aria-expanded', 'true');
    draft.innerHTML =
      '<div aria-label="Email message"><span id="MSG_QAdraft_FROM" role="heading"><span aria-label="From: Zhou Li"><span class="OZZZK">Zhou Li</span></span></span>' +
      '<span>[Draft]</span><div data-testid="SentReceivedSavedTime">Tue 3/10/2026 9:29 AM</div><div contenteditable="true">Dear Rachel, half-written</div></div>';
    conversation.appendChild(draft);
    expect(extract(f.document, f)).toEqual(f.expected);
  });

  it('uses the URL id when no element carries the conversation id', () => {
    const f = load('inbound-complaint-single');
    f.document.querySelector(selectors.conversation)!.removeAttribute('data-convid');
    f.document.querySelector(selectors.selectedRow)?.removeAttribute('aria-selected');
    expect(extract(f.document, f)?.threadId).toBe((f.expected as { threadId: string }).threadId);
  });
});

describe('outlook layouts', () => {
  it('takes the decoded item id of a popped-out item as its thread id', () => {
    const f = load('popout-item-no-convid');
    expect(f.document.querySelector('[data-convid]')).toBeNull();
    expect(extract(f.document, f)?.threadId).toBe(decodeURIComponent(new URL(f.url).pathname.split('/').pop()!));
  });

  it('keeps the conversation id as thread id with conversation view off', () => {
    const f = load('zhcn-conversation-off-pane-right');
    const row = f.document.querySelector(selectors.selectedRow)!;
    expect(extract(f.document, f)?.threadId).toBe(row.getAttribute('data-convid'));
  });

  it('refuses an item whose sender shows neither name nor address, naming the field', () => {
    const f = load('zhcn-conversation-off-pane-right');
    const from = f.document.querySelector(selectors.itemFrom)!;
    from.querySelector('[aria-label]')!.setAttribute('aria-label', '发件人:');
    from.querySelector(selectors.senderName)!.textContent = '';
    expect(keyOf(() => extract(f.document, f))).toBe('itemFrom');
  });

  it('cuts an over-long sender name to the capture limit instead of failing', () => {
    const f = load('zhcn-reading-pane-bottom-newest-first');
    const long = '陈'.repeat(5000);
    const sender = f.document.querySelector(`[aria-expanded="false"] ${selectors.senderName}`)!;
    sender.textContent = long;
    const got = extract(f.document, f)!;
    expect(got.messages[1]!.author.name).toBe('陈'.repeat(300));
  });
});

describe('outlook mount', () => {
  it('anchors the button at the reading-pane subject header', () => {
    const f = load(base);
    const anchor = findButtonAnchor(f.document);
    expect(anchor?.querySelector(selectors.subject)).not.toBeNull();
    f.document.querySelector(selectors.readingPane)!.remove();
    expect(findButtonAnchor(f.document)).toBeNull();
  });
});
