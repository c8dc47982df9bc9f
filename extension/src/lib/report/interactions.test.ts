import { expect, it } from 'vitest';
import { parseCsv, type DrilldownItem } from '@comms-log/shared';
import { interactionsCsv } from './interactions';

const item = (n: number, over: Partial<DrilldownItem> = {}): DrilldownItem => ({
  id: `01HX${String(n).padStart(22, '0')}`,
  occurredAt: '2026-03-09T02:00:00.000Z',
  source: 'gmail',
  channel: 'email',
  direction: 'inbound',
  threadKey: 'gmail:t1',
  title: n === 1 ? 'Invoice, "Q1"\nplease' : null,
  url: 'https://mail.google.com/mail/u/0/#inbox/t1',
  stakeholderId: null,
  stakeholderName: n === 1 ? '客户甲' : null,
  stakeholderType: 'customer',
  userId: 'u1',
  userName: 'Li Na',
  authorName: n === 1 ? 'Zhang Wei' : 'Li Na',
  authorHandle: n === 1 ? 'zhang@acme.cn' : null,
  waitStart: true,
  repliedAt: '2026-03-09T05:00:00.000Z',
  responseMs: 3 * 3_600_000,
  responseWorkMs: 3 * 3_600_000,
  deadlineAt: null,
  status: 'on_time',
  firstResponse: true,
  ...over,
});

it('writes one record per interaction with local times and labels', () => {
  const items = [
    item(1),
    item(2, { direction: 'outbound', status: null, repliedAt: null, responseMs: null, responseWorkMs: null }),
  ];
  const csv = interactionsCsv(items, 'en', 'Asia/Shanghai');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const records = parseCsv(csv);
  expect(records).toHaveLength(1 + items.length);
  expect(records[0]!.fields.slice(6, 9)).toEqual(['Author', 'Author handle', 'Person']);
  expect(records[1]!.fields.slice(0, 13)).toEqual([
    '2026-03-09 10:00',
    'Inbound',
    'Email',
    'gmail',
    '客户甲',
    'Customer',
    'Zhang Wei',
    'zhang@acme.cn',
    'Li Na',
    'Invoice, "Q1"\nplease',
    'On time',
    '2026-03-09 13:00',
    '3.0',
  ]);
  expect(records[2]!.fields[1]).toBe('Outbound');
  expect(records[2]!.fields.slice(6, 8)).toEqual(['Li Na', '']);
  expect(records[2]!.fields[10]).toBe('');
  expect(records[2]!.fields.at(-1)).toBe(items[1]!.id);
});

it('labels the columns in Chinese for a Chinese export', () => {
  const [header] = parseCsv(interactionsCsv([item(1)], 'zh_CN', 'Asia/Shanghai'));
  expect(header!.fields[0]).toBe('时间');
  expect(parseCsv(interactionsCsv([item(1)], 'zh_CN', 'Asia/Shanghai'))[1]!.fields[1]).toBe('收到');
});
