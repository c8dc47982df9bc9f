import { describe, expect, it } from 'vitest';
import { type DeliveryItem, deliveryOnTimeRate } from './delivery';

const at = (local: string) => Date.parse(`${local}+08:00`);
const q1 = { fromMs: at('2026-01-01T00:00'), toMs: at('2026-04-01T00:00') };
const item = (due: string | null, done: string | null, id = ''): DeliveryItem & { id: string } => ({
  id,
  dueAtMs: due === null ? null : at(due),
  doneAtMs: done === null ? null : at(done),
});

describe('deliveryOnTimeRate', () => {
  const items = [
    item('2026-01-15T23:59', '2026-01-15T18:00'), // on time
    item('2026-02-10T23:59', '2026-02-10T23:59'), // on time: done at the due instant
    item('2026-02-20T23:59', '2026-02-23T10:00'), // late
    item('2026-03-31T23:59', null), // not done: late once the period is over
    item('2026-04-02T23:59', '2026-03-01T10:00'), // due after the period: not counted
    item(null, '2026-02-01T10:00', 'no-due-1'),
    item(null, null, 'no-due-2'),
  ];

  it('is done by the due date ÷ due in the period, items without a due date listed apart', () => {
    const r = deliveryOnTimeRate(items, q1);
    expect(r.rate).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(r.pending).toBe(0);
    expect(r.undated.map((i) => i.id)).toEqual(['no-due-1', 'no-due-2']);
  });

  it('as of an instant inside the period: items not yet due and not done are pending', () => {
    const r = deliveryOnTimeRate(items, q1, at('2026-02-21T00:00'));
    // Due by then: the first three; the third is not done yet as of then, and past due: late.
    expect(r.rate).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(r.pending).toBe(1);
  });

  it('is null when nothing has a due date', () => {
    const r = deliveryOnTimeRate([item(null, null), item(null, '2026-02-01T10:00')], q1);
    expect(r.rate).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(r.undated).toHaveLength(2);
  });
});
