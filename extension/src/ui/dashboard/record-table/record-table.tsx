import { Fragment, type ReactNode } from 'react';

/** One column: its head (empty for a column of actions) and whether it holds numbers, right-aligned. */
export interface RecordColumn {
  head: ReactNode;
  num?: boolean;
}

export interface RecordTableProps<T> {
  /** The table's accessible name. */
  label: string;
  /** Also shown: as the table's caption, or as a heading above it. */
  show?: 'caption' | 'heading';
  columns: readonly RecordColumn[];
  items: readonly T[];
  rowKey(item: T): string;
  /** The item's `<tr>`. */
  row(item: T): ReactNode;
  /** What opens under an item's row (a form, a detail), across every column; nothing when it gives nothing. */
  panel?(item: T): ReactNode;
  /** The line shown when there are no items (none: an empty body). */
  empty?: string;
}

/**
 * The dashboard's table of records or figures (activities, media reports, survey responses, conversations, costs):
 * one shape of wrapper, heads and rows, with an optional panel opened under a row, so each view writes its rows only.
 */
export function RecordTable<T>({ label, show, columns, items, rowKey, row, panel, empty }: RecordTableProps<T>) {
  return (
    <div className="dash-table-wrap">
      {show === 'heading' && <h3>{label}</h3>}
      <table className="dash-table" aria-label={label}>
        {show === 'caption' && <caption>{label}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) => (
              // Heads are fixed for the table's life: their place is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <th key={i} scope="col" className={c.num ? 'dash-num' : undefined}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && empty !== undefined && (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
          {items.map((item) => {
            const opened = panel?.(item);
            return (
              <Fragment key={rowKey(item)}>
                {row(item)}
                {opened !== undefined && opened !== null && opened !== false && (
                  <tr>
                    <td colSpan={columns.length}>{opened}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
