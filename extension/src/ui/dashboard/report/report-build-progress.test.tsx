// @vitest-environment happy-dom
import type { Job } from '@comms-log/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../../../lib/i18n';
import { ReportBuildBar } from './report-build-progress';

afterEach(cleanup);

const job = (over: Partial<Job>): Job => ({
  id: '01JOBJOBJOBJOBJOBJOBJOBJOB',
  kind: 'reportBuild',
  state: 'running',
  phase: 'reading',
  done: 2,
  total: 6,
  message: null,
  startedAt: '2026-12-04T10:00:00.000Z',
  finishedAt: null,
  ...over,
});

const show = (lang: Lang, j: Job) =>
  render(<ReportBuildBar t={(key: MessageKey, ...subs) => translate(lang, key, ...subs)} job={j} />);

it('shows the parts of the report built so far, in English and in Chinese', () => {
  show('en', job({}));
  const bar = screen.getByRole('progressbar') as HTMLProgressElement;
  expect([bar.value, bar.max]).toEqual([2, 6]);
  expect(screen.getByText('Building the report on the server: 2 of 6 parts done…')).toBeTruthy();
  cleanup();
  show('zh_CN', job({ done: 5 }));
  expect(screen.getByText('正在服务器上生成报告：已完成 5 / 6 部分…')).toBeTruthy();
  cleanup();
  // Before the first part is done (and for reports.goals, which tells no parts).
  show('en', job({ done: 0, total: 0 }));
  expect(screen.getByText('Building the report on the server…')).toBeTruthy();
});
