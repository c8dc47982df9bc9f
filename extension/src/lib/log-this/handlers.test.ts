import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { CapturedThread } from '@comms-log/shared';
import { CommsLogDb } from '../outbox/local-db';
import { logThisHandlers } from './handlers';

const fixture = resolve(__dirname, '../../sites/gmail/fixtures/customer-thread-4msg.expected.json');
const thread = JSON.parse(readFileSync(fixture, 'utf8')) as CapturedThread;
const fromPage = { tab: { id: 1 } } as Parameters<ReturnType<typeof logThisHandlers>['panel-put']>[1];
const fromPanel = () => ({ url: `${browser.runtime.getURL('/panel.html')}#n1` });

describe('handing a read thread to the panel', () => {
  it('passes a whole capture on to the panel page', async () => {
    const handlers = logThisHandlers(new CommsLogDb('log-this-handlers-1'));
    await handlers['panel-put']({ nonce: 'n1', handoff: { thread } }, fromPage);
    expect(await handlers['panel-take']({ nonce: 'n1' }, fromPanel())).toEqual({ thread });
  });

  it('refuses a capture that is not whole, naming its field, and keeps nothing for the panel', async () => {
    const handlers = logThisHandlers(new CommsLogDb('log-this-handlers-2'));
    const broken = { ...thread, messages: [{ ...thread.messages[0]!, sentAt: 'yesterday-ish' }] };
    await expect(handlers['panel-put']({ nonce: 'n1', handoff: { thread: broken } }, fromPage)).rejects.toMatchObject({
      code: 'invalid',
      detail: 'messages.0.sentAt',
    });
    expect(await handlers['panel-take']({ nonce: 'n1' }, fromPanel())).toBeNull();
  });
});
