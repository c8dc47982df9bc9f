import type { ApiErrorCode } from '../api/error';
import type { Lang } from '../intl-format';
import type { RowText } from './row-text';

// Only types and one constant: the popup's first paint imports this, not the code that makes it (paint.ts).

/** A message with its one blank (`$1`) left as BLANK, for the popup to fill in when it draws. */
export type Template = string;
export const BLANK = '\u0001';

/** A row of the first paint: its words and its buttons' labels (drawn inert until the popup's code takes over). */
export type PaintRow = RowText & { actions: string[] };

/**
 * The popup's first screen as words, made by the background whenever it stores a new list: the popup draws it
 * with plain DOM before React, the message files, zod, luxon, the tRPC client and Dexie have loaded, then the
 * full popup replaces it (docs/architecture.md "How data flows").
 */
export type FollowupsPaint = {
  /** The head it was made from, and the language it is in: drawn only when the popup's language is the same. */
  computedAt: string;
  lang: Lang;
  tabs: [string, string];
  syncNow: string;
  logPage: string;
  /** Messages with a blank: the popup fills in the sync status and times when it draws. */
  templates: Record<'updated' | 'pending' | 'rejected' | 'lastSync', Template>;
  never: string;
  /** The header's "Last error: …" line for each kind of error, the server's words as the blank. */
  errors: Record<ApiErrorCode, Template>;
  groups: { title: string; count: number; empty: string | null; rows: PaintRow[] }[];
  footer: [string, string];
};
