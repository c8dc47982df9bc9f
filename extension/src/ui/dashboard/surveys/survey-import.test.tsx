// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../../lib/i18n';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { SurveyImport } from './survey-import';

afterEach(cleanup);

const csv = [
  'instrument,score,scale,stakeholder,stakeholder_type,dimension,answered_at,comment',
  'csat,4,5,buyer@acme.cn,customer,usability,2026-03-10,Quick answers',
  'csat,7,,,customer,,2026-03-10,',
  'nps,9,,,partner,delivery,2026-03-11,',
  'ces,3,,,press,,yesterday,',
].join('\n');

/** The preview of `csv` pasted into the import, before the server has checked it. */
function preview(lang: Lang, paste: string, text: string) {
  renderInDashboard(<SurveyImport onImported={() => {}} />, testEnv(lang).env);
  fireEvent.change(screen.getByLabelText(paste), { target: { value: text } });
}

const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) =>
      within(tr)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    );

describe('the survey CSV preview', () => {
  it('shows each row with its line and what is wrong with it, in plain words', () => {
    preview('en', '…or paste the CSV here', csv);
    expect(screen.getByText(/rows read:/).textContent).toBe('4 rows read: 2 look right, 2 have mistakes.');
    const rows = rowTexts(screen.getByRole('table', { name: 'Import preview' }));
    expect(rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ['2', 'Looks right'],
      ['3', 'A CSAT of 7 is outside the 1–5 scale.'],
      ['4', 'Looks right'],
      [
        '5',
        'Unknown instrument "ces" (csat, nps, score100). ' +
          'Unknown stakeholder type "press" (customer, partner, media, investor, government, supplier, other). ' +
          '"yesterday" is not a date: write YYYY-MM-DD, or a date-time with an offset (2026-03-10T09:12:00+08:00).',
      ],
    ]);
    expect(rows[0]!.slice(1, 4)).toEqual(['csat', '4', 'buyer@acme.cn']);
    expect(rows[1]![3]).toBe('Anonymous');
    expect(screen.getByRole('button', { name: 'Import the file (2 of 4 rows look right)' })).toBeTruthy();
  });

  it('says in Chinese what is wrong, and why a file cannot be read at all', () => {
    preview('zh_CN', '…或在此粘贴 CSV 内容', csv);
    const rows = rowTexts(screen.getByRole('table', { name: '导入预览' }));
    expect(rows[1]!.at(-1)).toBe('CSAT 分数 7 超出了 1–5 分的量表。');
    fireEvent.change(screen.getByLabelText('…或在此粘贴 CSV 内容'), { target: { value: 'instrument,score\ncsat,4' } });
    expect(screen.getByRole('alert').textContent).toContain('stakeholder_type, answered_at');
    expect(screen.queryByRole('table', { name: '导入预览' })).toBeNull();
  });
});
