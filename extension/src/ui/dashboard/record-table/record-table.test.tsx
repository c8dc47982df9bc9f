// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordTable } from './record-table';

afterEach(cleanup);

interface Item {
  id: string;
  name: string;
  count: number;
}
const items: Item[] = [
  { id: 'a', name: 'Acme', count: 3 },
  { id: 'b', name: 'Beta', count: 12 },
];
const columns = [{ head: 'Name' }, { head: 'Count', num: true }, { head: '' }];

/** A table whose rows each open a panel under them, one at a time, as the record views do. */
function Openable({ rows }: { rows: Item[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <RecordTable
      label="Things"
      columns={columns}
      items={rows}
      rowKey={(i) => i.id}
      row={(i) => (
        <tr>
          <th scope="row">{i.name}</th>
          <td className="dash-num">{i.count}</td>
          <td>
            <button type="button" onClick={() => setOpen(i.id)}>
              Edit {i.name}
            </button>
          </td>
        </tr>
      )}
      panel={(i) => open === i.id && <p>Editing {i.name}</p>}
      empty="Nothing yet."
    />
  );
}

describe('RecordTable', () => {
  it('names the table, heads its columns and marks the numeric ones', () => {
    render(<Openable rows={items} />);
    const table = screen.getByRole('table', { name: 'Things' });
    const heads = within(table).getAllByRole('columnheader');
    expect(heads.map((h) => [h.textContent, h.className])).toEqual([
      ['Name', ''],
      ['Count', 'dash-num'],
      ['', ''],
    ]);
    expect(table.parentElement?.className).toBe('dash-table-wrap');
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['Acme3Edit Acme', 'Beta12Edit Beta']);
  });

  it('opens a panel under its own row, across every column, and keeps it when the rows reorder', async () => {
    const { rerender } = render(<Openable rows={items} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Edit Beta' }));
    const rows = screen.getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['NameCount', 'Acme3Edit Acme', 'Beta12Edit Beta', 'Editing Beta']);
    expect(within(rows[3]!).getByRole('cell').getAttribute('colspan')).toBe('3');

    rerender(<Openable rows={[...items].reverse()} />);
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'NameCount',
      'Beta12Edit Beta',
      'Editing Beta',
      'Acme3Edit Acme',
    ]);
  });

  it('says when there is nothing, across every column, and shows its label as a caption or a heading', () => {
    render(<Openable rows={[]} />);
    const cell = screen.getByRole('cell', { name: 'Nothing yet.' });
    expect(cell.getAttribute('colspan')).toBe('3');
    cleanup();

    const plain = {
      columns,
      items,
      rowKey: (i: Item) => i.id,
      row: (i: Item) => (
        <tr>
          <td>{i.name}</td>
        </tr>
      ),
    };
    render(<RecordTable label="By month" show="caption" {...plain} />);
    expect(screen.getByRole('table', { name: 'By month' }).querySelector('caption')?.textContent).toBe('By month');
    expect(screen.queryByRole('heading')).toBeNull();
    cleanup();

    render(<RecordTable label="By outlet" show="heading" {...plain} />);
    expect(screen.getByRole('heading', { level: 3, name: 'By outlet' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'By outlet' }).querySelector('caption')).toBeNull();
    // Without `empty`, no items is an empty body.
    cleanup();
    render(<RecordTable label="None" {...plain} items={[]} />);
    expect(screen.getAllByRole('row')).toHaveLength(1);
  });
});
