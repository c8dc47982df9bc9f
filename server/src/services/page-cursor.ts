import { TRPCError } from '@trpc/server';

/**
 * The keyset cursor of the newest-first and soonest-first lists (`(at, id)` of the last row of a page), one format
 * for every paged procedure so that a client can treat it as opaque.
 */
export interface PageCursor {
  at: number;
  id: string;
}

export const encodePageCursor = (at: number, id: string): string => `${at}:${id}`;

/** Null for the first page; a BAD_REQUEST that says what to do for a cursor this server never gave. */
export function decodePageCursor(cursor: string | null | undefined): PageCursor | null {
  if (!cursor) return null;
  const m = /^(\d{1,16}):([\w-]{1,64})$/.exec(cursor);
  if (!m) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This page cursor is not valid: start again from the first page.',
    });
  }
  return { at: Number(m[1]), id: m[2]! };
}

/**
 * The first `limit` of `rows` (read with `limit + 1`, so that one more row tells that a next page exists) and the
 * cursor of that next page, null on the last page.
 */
export function keysetPage<T>(
  rows: T[],
  limit: number,
  cursorOf: (last: T) => PageCursor,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  if (rows.length <= limit || last === undefined) return { page, nextCursor: null };
  const c = cursorOf(last);
  return { page, nextCursor: encodePageCursor(c.at, c.id) };
}
