import { describe, expect, it } from 'vitest';
import { defaultPlan } from '../default-plan';
import {
  firstContactResolution,
  type ResolutionThread,
  resolutionRate,
  resolutionTimes,
  type ThreadOutcomeEvent,
  threadResolutionAt,
} from './resolution';

const H = 3_600_000;
const at = (local: string) => Date.parse(`${local}+08:00`);
/** Shanghai, Monday to Friday 09:00–18:00: a working day is 9 h. */
const cal = defaultPlan.calendar;
const march = { fromMs: at('2026-03-01T00:00'), toMs: at('2026-04-01T00:00') };

const resolved = (local: string): ThreadOutcomeEvent => ({ kind: 'resolved', atMs: at(local) });
const reopened = (local: string): ThreadOutcomeEvent => ({ kind: 'reopened', atMs: at(local) });
const thread = (opened: string, outcomes: ThreadOutcomeEvent[], outbound: string[] = []): ResolutionThread => ({
  openedAtMs: at(opened),
  outcomes,
  outboundAtMs: outbound.map(at),
});

describe('threadResolutionAt', () => {
  const events = [resolved('2026-03-10T12:00'), reopened('2026-03-11T09:00'), resolved('2026-03-12T18:00')].reverse(); // any order
  it('lets the last event at or before the instant win', () => {
    expect(threadResolutionAt(events, at('2026-03-10T11:59'))).toEqual({ resolved: false, resolvedAtMs: null });
    expect(threadResolutionAt(events, at('2026-03-10T12:00'))).toEqual({
      resolved: true,
      resolvedAtMs: at('2026-03-10T12:00'),
    });
    expect(threadResolutionAt(events, at('2026-03-11T09:00'))).toEqual({ resolved: false, resolvedAtMs: null });
  });

  it('resolved, reopened and resolved again is resolved at the last time', () => {
    expect(threadResolutionAt(events, at('2026-04-01T00:00'))).toEqual({
      resolved: true,
      resolvedAtMs: at('2026-03-12T18:00'),
    });
  });

  it('is unresolved without events, and of two events at one instant takes the one listed later', () => {
    expect(threadResolutionAt([], at('2026-03-10T12:00'))).toEqual({ resolved: false, resolvedAtMs: null });
    const same = [resolved('2026-03-10T12:00'), reopened('2026-03-10T12:00')];
    expect(threadResolutionAt(same, at('2026-03-10T12:00')).resolved).toBe(false);
    expect(threadResolutionAt([...same].reverse(), at('2026-03-10T12:00')).resolved).toBe(true);
  });
});

describe('resolution figures', () => {
  const threads = [
    // A: one reply, resolved Monday 10:00 → 15:00 = 5 working hours.
    thread('2026-03-09T10:00', [resolved('2026-03-09T15:00')], ['2026-03-09T11:00']),
    // B: resolved, reopened, resolved again Thursday 18:00: Tue 09:00 → Thu 18:00 = 3 × 9 h = 27 h; two replies.
    thread(
      '2026-03-10T09:00',
      [resolved('2026-03-10T12:00'), reopened('2026-03-11T09:00'), resolved('2026-03-12T18:00')],
      ['2026-03-10T10:00', '2026-03-11T10:00'],
    ),
    // C: Friday 17:00 → Monday 10:00 = 1 h + 1 h over the weekend; one reply.
    thread('2026-03-13T17:00', [resolved('2026-03-16T10:00')], ['2026-03-16T09:30']),
    // D: open.
    thread('2026-03-20T10:00', [], ['2026-03-20T11:00']),
    // E: resolved, then reopened: not resolved.
    thread('2026-03-25T10:00', [resolved('2026-03-25T11:00'), reopened('2026-03-26T10:00')]),
    // F: opened before the period: left out.
    thread('2026-02-27T10:00', [resolved('2026-03-02T10:00')], ['2026-02-27T11:00']),
    // G: resolved after the period's end: not resolved by it.
    thread('2026-03-30T10:00', [resolved('2026-04-02T10:00')], ['2026-03-30T11:00']),
    // H: resolved without a reply of ours (1 working hour): not a first-contact resolution.
    thread('2026-03-31T09:00', [resolved('2026-03-31T10:00')]),
  ];

  it('resolution rate = resolved by the end of the period ÷ opened in it', () => {
    // Opened in March: A B C D E G H (7); resolved by its end: A B C H (4).
    expect(resolutionRate(threads, march)).toEqual({ value: 4 / 7, numerator: 4, denominator: 7 });
  });

  it('a resolution at the exclusive end of the period is too late', () => {
    const t = [thread('2026-03-31T10:00', [resolved('2026-04-01T00:00')])];
    expect(resolutionRate(t, march).numerator).toBe(0);
    const justIn = [{ ...t[0]!, outcomes: [{ kind: 'resolved' as const, atMs: march.toMs - 1 }] }];
    expect(resolutionRate(justIn, march).numerator).toBe(1);
  });

  it('first-contact resolution = resolved with exactly one reply before the resolution ÷ resolved', () => {
    // A and C had one reply; B two; H none.
    expect(firstContactResolution(threads, march)).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it('does not count a reply after the resolution', () => {
    const t = [thread('2026-03-09T10:00', [resolved('2026-03-09T11:00')], ['2026-03-09T10:30', '2026-03-09T12:00'])];
    expect(firstContactResolution(t, march).numerator).toBe(1);
  });

  it('resolution time in working time: median and p90 by nearest rank, and in working days', () => {
    // Sorted: H 1 h, C 2 h, A 5 h, B 27 h. Median rank ⌈0.5 × 4⌉ = 2 → 2 h; p90 rank ⌈3.6⌉ = 4 → 27 h.
    expect(resolutionTimes(threads, march, cal)).toEqual({
      n: 4,
      medianWorkMs: 2 * H,
      p90WorkMs: 27 * H,
      medianWorkingDays: 2 / 9,
      p90WorkingDays: 3,
    });
  });

  it('is null, with its zero counts, for an empty period', () => {
    const april = { fromMs: at('2026-04-01T00:00'), toMs: at('2026-05-01T00:00') };
    const empty = { fromMs: at('2026-05-01T00:00'), toMs: at('2026-06-01T00:00') };
    expect(resolutionRate(threads, empty)).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(firstContactResolution(threads, empty)).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(resolutionTimes([], april, cal)).toEqual({
      n: 0,
      medianWorkMs: null,
      p90WorkMs: null,
      medianWorkingDays: null,
      p90WorkingDays: null,
    });
  });
});
