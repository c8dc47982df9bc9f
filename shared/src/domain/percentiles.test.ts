import { describe, expect, it } from 'vitest';
import { defaultPlan } from './default-plan';
import { pairWaits, type PairingEvent, type Wait } from './pairing';
import { percentileNearestRank, responseBucket, ResponseStatsAccumulator, summarizeWaits } from './percentiles';

const H = 3_600_000;
const at = (local: string) => Date.parse(`${local}+08:00`);

describe('percentileNearestRank', () => {
  it('takes the value at rank ceil(p/100 × n)', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileNearestRank(ten, 50)).toBe(5);
    expect(percentileNearestRank(ten, 90)).toBe(9);
    expect(percentileNearestRank(ten, 91)).toBe(10);
    expect(percentileNearestRank(ten, 70)).toBe(7); // 0.7 × 10 is 7.000000000000001 in floating point
    expect(percentileNearestRank(ten, 100)).toBe(10);
    expect(percentileNearestRank(ten, 0)).toBe(1);
    expect(percentileNearestRank([15, 20, 35, 40, 50], 30)).toBe(20);
    expect(percentileNearestRank([15, 20, 35, 40, 50], 40)).toBe(20);
    expect(percentileNearestRank([15, 20, 35, 40, 50], 50)).toBe(35);
    expect(percentileNearestRank([3, 66], 50)).toBe(3);
    expect(percentileNearestRank([7], 90)).toBe(7);
  });

  it('is null for no values and rejects p outside 0–100', () => {
    expect(percentileNearestRank([], 50)).toBeNull();
    expect(() => percentileNearestRank([1], 101)).toThrow(RangeError);
    expect(() => percentileNearestRank([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('responseBucket', () => {
  it('puts exact boundaries in the upper bucket', () => {
    expect(responseBucket(0)).toBe('lt1h');
    expect(responseBucket(H - 1)).toBe('lt1h');
    expect(responseBucket(H)).toBe('1to4h');
    expect(responseBucket(4 * H - 1)).toBe('1to4h');
    expect(responseBucket(4 * H)).toBe('4to24h');
    expect(responseBucket(24 * H - 1)).toBe('4to24h');
    expect(responseBucket(24 * H)).toBe('24to72h');
    expect(responseBucket(72 * H - 1)).toBe('24to72h');
    expect(responseBucket(72 * H)).toBe('gt72h');
  });
});

function answered(startLocal: string, responseMs: number, responseWorkMs: number, deadlineLocal: string): Wait {
  const startMs = at(startLocal);
  return {
    startId: startLocal,
    messageIds: [startLocal],
    threadKey: `t:${startLocal}`,
    stakeholderId: null,
    stakeholderType: 'customer',
    channel: 'email',
    userId: 'u1',
    startMs,
    replyId: 'r',
    replyAtMs: startMs + responseMs,
    repliedBy: 'u1',
    closedAtMs: null,
    closeReason: null,
    closedBy: null,
    responseMs,
    responseWorkMs,
    slaLimit: { value: 4, unit: 'working_hours' },
    deadlineMs: at(deadlineLocal),
    firstInConversation: true,
  };
}

describe('summarizeWaits', () => {
  it('computes distribution figures over answered waits on the chosen basis', () => {
    const waits = [
      answered('2026-03-09T10:00', 30 * 60_000, 30 * 60_000, '2026-03-09T14:00'),
      answered('2026-03-09T11:00', 2 * H, 2 * H, '2026-03-09T15:00'),
      answered('2026-03-13T17:00', 66 * H, 3 * H, '2026-03-16T12:00'),
      answered('2026-03-09T09:00', 30 * H, 12 * H, '2026-03-09T13:00'),
    ];
    const asOfMs = at('2026-03-20T00:00');
    const working = summarizeWaits(waits, { basis: 'working', asOfMs });
    expect(working).toMatchObject({
      waits: 4,
      answered: 4,
      onTime: 3,
      late: 1,
      pending: 0,
      closed: 0,
      onTimeRate: 0.75,
    });
    expect(working.meanMs).toBe(((0.5 + 2 + 3 + 12) * H) / 4);
    expect(working.medianMs).toBe(2 * H);
    expect(working.p90Ms).toBe(12 * H);
    expect(working.buckets).toEqual({ lt1h: 1, '1to4h': 2, '4to24h': 1, '24to72h': 0, gt72h: 0 });
    const calendar = summarizeWaits(waits, { basis: 'calendar', asOfMs });
    expect(calendar.medianMs).toBe(2 * H);
    expect(calendar.p90Ms).toBe(66 * H);
    expect(calendar.buckets).toEqual({ lt1h: 1, '1to4h': 1, '4to24h': 0, '24to72h': 2, gt72h: 0 });
  });

  it('excludes "no reply needed" from on-time figures and pending waits from the rate', () => {
    const base = answered('2026-03-09T10:00', H, H, '2026-03-09T14:00');
    const waits: Wait[] = [
      base,
      {
        ...base,
        replyId: null,
        replyAtMs: null,
        responseMs: null,
        responseWorkMs: null,
        closedAtMs: at('2026-03-10T10:00'),
        closeReason: 'spam',
      },
      {
        ...base,
        replyId: null,
        replyAtMs: null,
        responseMs: null,
        responseWorkMs: null,
        deadlineMs: at('2026-03-21T10:00'),
      },
    ];
    const s = summarizeWaits(waits, { basis: 'working', asOfMs: at('2026-03-20T00:00') });
    expect(s).toMatchObject({ waits: 3, answered: 1, onTime: 1, late: 0, pending: 1, closed: 1, onTimeRate: 1 });
  });

  it('gives the same figures when the waits arrive one page at a time, in any order', () => {
    const waits = [
      answered('2026-03-09T10:00', 30 * 60_000, 30 * 60_000, '2026-03-09T14:00'),
      answered('2026-03-09T11:00', 2 * H, 2 * H, '2026-03-09T15:00'),
      answered('2026-03-13T17:00', 66 * H, 3 * H, '2026-03-16T12:00'),
      answered('2026-03-09T09:00', 30 * H, 12 * H, '2026-03-09T13:00'),
      {
        ...answered('2026-03-19T09:00', H, H, '2026-03-19T13:00'),
        replyAtMs: null,
        responseMs: null,
        responseWorkMs: null,
      },
    ];
    const options = { basis: 'working' as const, asOfMs: at('2026-03-20T00:00') };
    const whole = summarizeWaits(waits, options);
    const acc = new ResponseStatsAccumulator(options);
    for (const w of [...waits].reverse()) acc.add(w);
    expect(acc.result()).toEqual(whole);
    // Reading the figures changes nothing: more waits can follow.
    acc.add(waits[0]!);
    expect(acc.result()).toEqual(summarizeWaits([...waits, waits[0]!], options));
    expect(whole).toMatchObject({ waits: 5, answered: 4, late: 2 });
  });

  it('has null figures when nothing is answered or decided', () => {
    const s = summarizeWaits([], { basis: 'calendar', asOfMs: 0 });
    expect(s).toEqual({
      waits: 0,
      answered: 0,
      meanMs: null,
      medianMs: null,
      p90Ms: null,
      buckets: { lt1h: 0, '1to4h': 0, '4to24h': 0, '24to72h': 0, gt72h: 0 },
      onTime: 0,
      late: 0,
      pending: 0,
      closed: 0,
      onTimeRate: null,
    });
  });
});

describe('acceptance: customer email waits in Asia/Shanghai, Mon–Fri 09:00–18:00, default plan', () => {
  const event = (id: string, threadKey: string, direction: 'inbound' | 'outbound', local: string): PairingEvent => ({
    id,
    threadKey,
    stakeholderId: `s-${threadKey}`,
    stakeholderType: 'customer',
    channel: 'email',
    direction,
    occurredAtMs: at(local),
    userId: 'staff-1',
  });
  const events: PairingEvent[] = [
    event('A', 'gmail:A', 'inbound', '2026-03-09T10:00'),
    event('A-reply', 'gmail:A', 'outbound', '2026-03-09T13:00'),
    event('B1', 'gmail:B', 'inbound', '2026-03-13T17:00'),
    event('B2', 'gmail:B', 'inbound', '2026-03-13T17:30'),
    event('B-reply', 'gmail:B', 'outbound', '2026-03-16T11:00'),
    event('C', 'gmail:C', 'inbound', '2026-03-10T09:00'),
    // Outside the period: starts Monday 2026-03-16, so it must not be counted.
    event('D', 'gmail:D', 'inbound', '2026-03-16T10:00'),
  ];
  const asOfMs = at('2026-03-17T09:00');
  const inPeriod = (w: Wait) => w.startMs >= at('2026-03-09T00:00') && w.startMs < at('2026-03-16T00:00');

  it('pairs B as one wait of 3 working hours and 66 calendar hours', () => {
    const b = pairWaits(events, defaultPlan).find((w) => w.threadKey === 'gmail:B')!;
    expect(b).toMatchObject({
      startId: 'B1',
      messageIds: ['B1', 'B2'],
      replyId: 'B-reply',
      responseWorkMs: 3 * H,
      responseMs: 66 * H,
    });
  });

  it('gives 3 waits, 2 on time, 1 late, on-time rate 2/3, median working 3 h, mean calendar 34.5 h', () => {
    const waits = pairWaits(events, defaultPlan).filter(inPeriod);
    const working = summarizeWaits(waits, { basis: 'working', asOfMs });
    expect(working).toMatchObject({ waits: 3, answered: 2, onTime: 2, late: 1, pending: 0, closed: 0 });
    expect(working.onTimeRate).toBeCloseTo(2 / 3, 12);
    expect(working.medianMs).toBe(3 * H);
    const calendar = summarizeWaits(waits, { basis: 'calendar', asOfMs });
    expect(calendar.meanMs).toBe(34.5 * H);
    expect(calendar.onTimeRate).toBeCloseTo(2 / 3, 12);
  });
});
