import { describe, expect, it } from 'vitest';
import type { CapturedThread } from '@comms-log/shared';
import { createPanelHandoffs } from './handoff';

const thread = { site: 'gmail', threadId: 'T1', messages: [] } as unknown as CapturedThread;

describe('panel handoffs', () => {
  it('gives a thread once, to the nonce it was left under', () => {
    const handoffs = createPanelHandoffs(() => 0);
    handoffs.put('n1', { thread });
    expect(handoffs.take('other')).toBeNull();
    expect(handoffs.take('n1')).toEqual({ thread });
    expect(handoffs.take('n1')).toBeNull();
  });

  it('drops a thread not taken within a minute', () => {
    let now = 0;
    const handoffs = createPanelHandoffs(() => now);
    handoffs.put('n1', { thread });
    now = 60_001;
    expect(handoffs.take('n1')).toBeNull();
  });

  it('keeps at most twenty waiting, the oldest going first', () => {
    const handoffs = createPanelHandoffs(() => 0);
    for (let i = 0; i < 25; i++) handoffs.put(`n${i}`, { thread });
    expect(handoffs.take('n0')).toBeNull();
    expect(handoffs.take('n24')).toEqual({ thread });
  });
});
