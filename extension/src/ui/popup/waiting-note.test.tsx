// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InteractionData } from '@comms-log/shared';
import { translate, type Lang, type MessageKey } from '../../lib/i18n';
import { FollowupsDb } from '../../lib/followups/store';
import { CommsLogDb } from '../../lib/outbox/local-db';
import { enqueueInteractions } from '../../lib/outbox/queue';
import { discardWaiting, othersWaiting } from '../../lib/users/waiting';

// The background's two handlers, over a real outbox (fake-indexeddb), with Zhou Min signed in.
let db: CommsLogDb;
const fuDb = new FollowupsDb('waiting-note-followups');
const me = 'zhou';
const sendToBackground = vi.fn(async (type: string, req: { ownerId?: string }) => {
  if (type === 'users-waiting') return othersWaiting(db, fuDb, me);
  if (type === 'users-discard-waiting') return { discarded: await discardWaiting(db, fuDb, req.ownerId!, me) };
  throw new Error(type);
});
vi.mock('../../lib/messages', () => ({
  sendToBackground: (type: string, req: { ownerId?: string }) => sendToBackground(type, req),
}));
vi.mock('../../lib/storage-items', () => ({ syncStatusItem: {} }));
vi.mock('../use-storage-item', () => ({ useStorageItem: () => undefined }));

const { WaitingNote } = await import('./waiting-note');

const tIn =
  (lang: Lang) =>
  (key: MessageKey, ...subs: (string | number)[]) =>
    translate(lang, key, ...subs);
const logged = (id: string) => ({ id, source: 'gmail', externalId: id, threadKey: `gmail:${id}` }) as InteractionData;
let n = 0;

beforeEach(async () => {
  db = new CommsLogDb(`waiting-note-${n++}`);
  db.signedIn = { id: 'li', label: 'li.wei@northwind.cn' };
  await enqueueInteractions(db, [logged('A1'), logged('A2'), logged('A3')]);
  db.signedIn = { id: me, label: 'zhou.min@northwind.cn' };
  await enqueueInteractions(db, [logged('B1')]);
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

describe('WaitingNote', () => {
  it("says whose items wait, in Chinese too, and shows nothing of the signed-in user's own", async () => {
    render(<WaitingNote t={tIn('zh_CN')} />);
    const note = await screen.findByTestId('users-waiting');
    expect(note.textContent).toContain('li.wei@northwind.cn 记录的 3 项内容正在等待其在此重新登录后同步');
    expect(note.textContent).not.toContain('zhou.min');
  });

  it('discards them only after the user confirms, and never their own rows', async () => {
    const user = userEvent.setup();
    const t = tIn('en');
    render(<WaitingNote t={t} />);
    const note = await screen.findByTestId('users-waiting');
    expect(note.textContent).toContain('3 items logged by li.wei@northwind.cn are waiting for them to sign in again');
    await user.click(within(note).getByRole('button', { name: 'Discard them…' }));
    await user.click(within(note).getByRole('button', { name: 'Cancel' }));
    expect(await db.outbox.count()).toBe(4);

    await user.click(within(note).getByRole('button', { name: 'Discard them…' }));
    expect(within(note).getByRole('group').textContent).toContain('Discard the 3 items li.wei@northwind.cn logged');
    await user.click(within(note).getByRole('button', { name: 'Yes, discard' }));
    await vi.waitFor(() => expect(screen.queryByTestId('users-waiting')).toBeNull());
    expect((await db.outbox.toArray()).map((r) => r.id)).toEqual(['B1']);
  });
});
