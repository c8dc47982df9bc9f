// @vitest-environment happy-dom
import type { Job } from '@comms-log/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../../lib/i18n';
import { JobProgress } from './job-progress';

afterEach(cleanup);

const job = (over: Partial<Job>): Job => ({
  id: '01JOBJOBJOBJOBJOBJOBJOBJOB',
  kind: 'stakeholderImport',
  state: 'running',
  phase: 'writing',
  done: 2_500,
  total: 10_000,
  message: null,
  startedAt: '2026-12-04T10:00:00.000Z',
  finishedAt: null,
  ...over,
});

const show = (lang: Lang, j: Job) =>
  render(<JobProgress t={(key: MessageKey, ...subs) => translate(lang, key, ...subs)} job={j} />);

it('shows a running job as a bar with where it is, in English and in Chinese', () => {
  show('en', job({}));
  const bar = screen.getByRole('progressbar') as HTMLProgressElement;
  expect([bar.value, bar.max]).toEqual([2_500, 10_000]);
  expect(screen.getByText('Saving: 2,500 of 10,000 done…')).toBeTruthy();
  cleanup();
  show('zh_CN', job({ phase: 'checking', done: 40, total: 100 }));
  expect(screen.getByText('正在检查各行：40 / 100…')).toBeTruthy();
  cleanup();
  // Before the server knows how many rows there are.
  show('en', job({ phase: 'reading', done: 0, total: 0 }));
  expect(screen.getByText('Starting…')).toBeTruthy();
});

it('shows a failed job’s message in plain words, as an alert', () => {
  show('en', job({ state: 'failed', phase: 'done', message: 'The CSV is empty: it needs a header line.' }));
  expect(screen.getByRole('alert').textContent).toBe(
    'It stopped with an error: The CSV is empty: it needs a header line.',
  );
  expect(screen.queryByRole('progressbar')).toBeNull();
});
