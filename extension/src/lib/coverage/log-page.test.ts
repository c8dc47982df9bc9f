// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { logPageAsCoverage } from './log-page';
import { readPrefill } from './prefill';

/** The address the coverage window was opened at. */
function openedUrl(create: ReturnType<typeof spyOnCreate>): URL {
  const url = create.mock.calls[0]?.[0]?.url;
  return new URL(typeof url === 'string' ? url : '');
}
const spyOnCreate = () => vi.spyOn(browser.windows, 'create');

beforeEach(() => {
  fakeBrowser.reset();
  document.head.innerHTML = `<title>北风机器人AMR-600激光雷达故障频发_华东科技报</title>
    <meta property="og:site_name" content="华东科技报">
    <meta property="og:title" content="北风机器人AMR-600激光雷达故障频发">
    <meta property="article:published_time" content="2026-03-12T08:30:00+08:00">`;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('logPageAsCoverage', () => {
  it('reads the page inside its tab and opens the coverage form beside it, prefilled', async () => {
    // The browser runs the injected function in the tab: here, this test's document is the tab's.
    const executeScript = vi
      .spyOn(browser.scripting, 'executeScript')
      .mockImplementation((async (injection: { func: () => unknown }) => [
        { frameId: 0, result: injection.func() },
      ]) as never);
    const create = spyOnCreate();
    await logPageAsCoverage({ id: 7, url: 'https://www.ectechdaily.cn/news/a.html', title: 'the tab title' });

    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 } }));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup' }));
    const url = openedUrl(create);
    expect(url.pathname).toBe('/coverage.html');
    expect(readPrefill(url.search)).toEqual({
      title: '北风机器人AMR-600激光雷达故障频发',
      url: 'https://www.ectechdaily.cn/news/a.html',
      publishedAt: '2026-03-12T00:30:00.000Z',
      siteName: '华东科技报',
    });
  });

  it("opens it from the tab's title and the menu's page link where the page may not be read", async () => {
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    const create = spyOnCreate();
    await logPageAsCoverage({ id: 7, title: 'the tab title' }, 'https://www.ectechdaily.cn/news/a.html');

    expect(readPrefill(openedUrl(create).search)).toEqual({
      title: 'the tab title',
      url: 'https://www.ectechdaily.cn/news/a.html',
      publishedAt: null,
      siteName: null,
    });
  });
});
