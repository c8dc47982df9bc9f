import { describe, expect, it } from 'vitest';
import { previewStakeholderCsv } from './csv-preview';

describe('previewStakeholderCsv', () => {
  it('reads rows with their file lines, identities and client-side errors', () => {
    const csv = [
      'name,type,tier,owner_email,emails,domains',
      'Acme,customer,key,li.na@demo.example,a@acme.com;b@acme.com,acme.com',
      ',partner,,,,',
      'Daily News,press,,not-an-email,,',
      '"Multi\nline",Media,,,,',
    ].join('\r\n');
    const p = previewStakeholderCsv(csv);
    expect(p.problem).toBeNull();
    expect(p.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ['name']],
      [4, ['type', 'owner']],
      [5, []],
    ]);
    expect(p.rows[0]!.identities).toBe(3);
    expect(p.rows[3]!.values.name).toBe('Multi\nline');
  });

  it('refuses unknown and missing columns before any row', () => {
    expect(previewStakeholderCsv('name,kind\nA,customer').problem).toEqual({
      kind: 'unknownColumns',
      columns: ['kind'],
    });
    expect(previewStakeholderCsv('name,tier\nA,key').problem).toEqual({ kind: 'missingColumns', columns: ['type'] });
    expect(previewStakeholderCsv('').problem).toEqual({ kind: 'empty' });
  });

  it('reports an unreadable file with its line', () => {
    expect(previewStakeholderCsv('name,type\n"A,customer\n').problem).toMatchObject({ kind: 'unreadable', line: 2 });
  });

  it('flags extra fields beyond the header', () => {
    expect(previewStakeholderCsv('name,type\nA,customer,surplus').rows[0]!.errors).toEqual(['columns']);
  });
});
