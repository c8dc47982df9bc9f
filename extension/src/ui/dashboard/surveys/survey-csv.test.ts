import { describe, expect, it } from 'vitest';
import { previewSurveyCsv } from './survey-csv';

describe('previewSurveyCsv', () => {
  it('reads each row with its file line and the mistakes the form would name', () => {
    const csv = [
      'instrument,score,scale,stakeholder,stakeholder_type,dimension,answered_at,comment',
      'csat,4,5,buyer@acme.cn,customer,usability,2026-03-10,Quick answers',
      'csat,7,,,customer,,2026-03-10,',
      'nps,9,,,partner,,2026-03-11T10:00:00+08:00,"two\nlines"',
      'ces,3,,,press,,yesterday,',
    ].join('\n');
    const p = previewSurveyCsv(csv);
    expect(p.problem).toBeNull();
    expect(p.rows.map((r) => [r.line, r.problems.map((x) => x.kind)])).toEqual([
      [2, []],
      [3, ['scoreRange']],
      [4, []],
      [6, ['instrument', 'type', 'date']],
    ]);
  });

  it('refuses a file without the columns every answer needs', () => {
    expect(previewSurveyCsv('instrument,score\ncsat,4').problem).toEqual({
      kind: 'missingColumns',
      columns: ['stakeholder_type', 'answered_at'],
    });
    expect(previewSurveyCsv('instrument,score,rating\n').problem).toEqual({
      kind: 'unknownColumns',
      columns: ['rating'],
    });
  });
});
