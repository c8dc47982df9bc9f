// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MediaCoverageData } from '@comms-log/shared';
import { coveragePageQuery, type CoveragePrefill } from '../../lib/coverage/prefill';
import type { StakeholderSummary } from '../../lib/messages';
import { idleSyncStatus } from '../../lib/sync/status';
import { CoverageApp } from './coverage-app';

const outlet: StakeholderSummary = { id: 'M1', name: '华东科技报', type: 'media', organization: null, pending: false };
const directory: StakeholderSummary[] = [
  { id: 'C1', name: '华东物流', type: 'customer', organization: null, pending: false },
  outlet,
  { id: 'M2', name: 'Daily Wire', type: 'media', organization: null, pending: false },
];
const news: CoveragePrefill = {
  title: '北风机器人AMR-600激光雷达故障频发',
  url: 'https://www.ectechdaily.cn/news/2026/03/12/amr600-lidar.html',
  publishedAt: '2026-03-12T00:30:00.000Z',
  siteName: '华东科技报',
};

/** What the page sent the background, and how the background answers (the directory above, a sync state). */
let sent: { type: string; payload: Record<string, unknown> }[];
let lastError: { code: 'network'; detail: string } | null;

function answer(type: string, payload: Record<string, unknown>): unknown {
  switch (type) {
    case 'match-handles':
      return (payload.handles as { kind: string; value: string }[]).map((handle) => ({
        handle,
        stakeholder: handle.value === 'ectechdaily.cn' ? outlet : null,
        via: handle.value === 'ectechdaily.cn' ? 'exact' : null,
      }));
    case 'search-stakeholders':
      return directory.filter((s) => s.name.includes(String(payload.text))).slice(0, Number(payload.limit));
    case 'coverage-queue':
      return { id: (payload.data as MediaCoverageData).id };
    case 'get-status':
      return { ...idleSyncStatus(), lastError, configured: true, rejectedItems: [] };
    default:
      throw new Error(`unexpected message ${type}`);
  }
}

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  lastError = null;
  // The background, at the browser's message boundary, answering the way handleMessages does.
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const { type, payload } = message as { type: string; payload: Record<string, unknown> };
    sent.push({ type, payload });
    return { ok: true, value: answer(type, payload) };
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The coverage page as "Log this page as coverage" opens it, in a browser speaking `uiLanguage`. */
async function openPage(prefill: CoveragePrefill, uiLanguage: string) {
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(uiLanguage);
  window.history.replaceState(null, '', `/coverage.html?${coveragePageQuery(prefill)}`);
  render(<CoverageApp />);
  await act(async () => {
    await new Promise((r) => setTimeout(r, 200));
  });
}

/** The text an input is described by (its hint and error), as a screen reader gives it. */
function description(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const queued = () => sent.filter((m) => m.type === 'coverage-queue').map((m) => m.payload.data as MediaCoverageData);

describe('the coverage page', () => {
  it('opens prefilled with the outlet found by the page domain, refuses a clarification before publication, then saves', async () => {
    await openPage(news, 'en-US');
    expect(screen.getByRole('heading', { name: 'Log media coverage' })).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(news.title);
    expect((screen.getByLabelText('Link') as HTMLInputElement).value).toBe(news.url);
    const published = (screen.getByLabelText('Published') as HTMLInputElement).value;
    expect(new Date(published).toISOString()).toBe(news.publishedAt);
    expect(screen.getByRole('group', { name: 'Outlet' }).textContent).toContain('华东科技报');

    await userEvent.click(screen.getByRole('radio', { name: 'Negative' }));
    const clarified = screen.getByLabelText('Clarified on (optional)');
    fireEvent.change(clarified, { target: { value: '2026-03-11T10:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(description(clarified)).toBe('The clarification date is before the publication date.');
    expect(screen.getByRole('alert').textContent).toBe('Check the fields marked below.');
    expect(queued()).toEqual([]);

    fireEvent.change(clarified, { target: { value: '2026-03-14T10:00' } });
    fireEvent.change(screen.getByLabelText('Reach (reads, optional)'), { target: { value: '120000' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved — will sync.');
    const [item] = queued();
    expect(item).toEqual({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      outletStakeholderId: 'M1',
      title: news.title,
      url: news.url,
      publishedAt: news.publishedAt,
      tone: 'negative',
      reach: 120000,
      clarifiedAt: new Date('2026-03-14T10:00').toISOString(),
    });
    expect(description(clarified)).toBe('');

    // Saving again after a change replaces the queued item: same id, new data.
    await userEvent.click(screen.getByRole('radio', { name: 'Neutral' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(queued().map((q) => [q.id, q.tone, q.clarifiedAt])).toEqual([
      [item!.id, 'negative', item!.clarifiedAt],
      [item!.id, 'neutral', undefined],
    ]);
  });

  it('says the same in Chinese when the browser speaks Chinese', async () => {
    await openPage(news, 'zh-CN');
    expect(screen.getByRole('heading', { name: '记录媒体报道' })).toBeTruthy();
    expect((screen.getByLabelText('标题') as HTMLInputElement).value).toBe(news.title);
    await userEvent.click(screen.getByRole('radio', { name: '负面' }));
    const clarified = screen.getByLabelText('澄清时间（可选）');
    fireEvent.change(clarified, { target: { value: '2026-03-11T10:00' } });
    await userEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(description(clarified)).toBe('澄清时间早于发布时间。');
    expect(screen.getByRole('alert').textContent).toBe('请检查下方标出的字段。');
    expect(queued()).toEqual([]);
  });

  it('asks for the publication time and the outlet when the page gave neither, listing only media', async () => {
    await openPage({ title: 'A report', url: 'https://unknown.example/a', publishedAt: null, siteName: null }, 'en-US');
    const published = screen.getByLabelText('Published') as HTMLInputElement;
    expect(published.value).toBe('');
    expect(description(published)).toBe('The page did not say when it was published: enter the date and time.');
    const outletGroup = screen.getByRole('group', { name: 'Outlet' });
    expect(outletGroup.textContent).toContain('Only media in the directory are listed.');
    expect(screen.getByRole('button', { name: 'Choose 华东科技报' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose Daily Wire' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Choose 华东物流' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Reach (reads, optional)'), { target: { value: '12.5' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(description(published)).toContain('Enter when the report was published.');
    expect(outletGroup.textContent).toContain('Choose the outlet from the directory.');
    expect(description(screen.getByLabelText('Reach (reads, optional)'))).toBe(
      'Reach must be a whole number, 0 or more.',
    );
    expect(queued()).toEqual([]);
  });

  it('saves while the server is unreachable and says it will sync later', async () => {
    lastError = { code: 'network', detail: '' };
    await openPage(news, 'en-US');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved on this computer — it will sync when the server can be reached.');
    expect(queued()).toEqual([expect.objectContaining({ tone: null, outletStakeholderId: 'M1' })]);
  });
});
