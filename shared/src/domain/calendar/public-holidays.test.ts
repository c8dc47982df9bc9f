import { describe, expect, it } from 'vitest';
import { defaultPlan } from '../default-plan';
import { deadlineFor } from '../sla';
import { countryOfTimeZone, publicHolidays } from './public-holidays';

/* The preloaded public holidays (docs/metrics.md "Working time"): China's from chinese-days, make-up days included. */

const fourHours = { value: 4, unit: 'working_hours' } as const;

describe('publicHolidays', () => {
  it("gives mainland China's 2026 Spring Festival days off and its make-up Saturdays", async () => {
    const cn = await publicHolidays('CN', 2026, 2026);
    expect(cn.source).toBe('chinese-days');
    // 15–23 February off; the weekdays among them are the holidays a calendar needs.
    expect(cn.holidays).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-20', '2026-02-23']));
    expect(cn.holidays).not.toContain('2026-02-24');
    expect(cn.extraWorkDays).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28']));
    // Every make-up day is a weekend day; every holiday a weekday.
    for (const d of cn.extraWorkDays) expect([0, 6]).toContain(new Date(d).getUTCDay());
    for (const d of cn.holidays) expect([0, 6]).not.toContain(new Date(d).getUTCDay());
  });

  it('makes a message of the evening before the holiday due after it, and one of a make-up Saturday due that day', async () => {
    const cal = { ...defaultPlan.calendar, ...(await publicHolidays('CN', 2026, 2026)) };
    const due = (local: string) => new Date(deadlineFor(Date.parse(`${local}+08:00`), fourHours, cal)!).toISOString();
    expect(due('2026-02-14T19:00')).toBe(new Date('2026-02-24T13:00+08:00').toISOString());
    expect(due('2026-02-14T10:00')).toBe(new Date('2026-02-14T14:00+08:00').toISOString());
    expect(due('2026-02-28T16:00')).toBe(new Date('2026-03-02T11:00+08:00').toISOString());
  });

  it("gives another country's public holidays from date-holidays, and nothing for an unknown code", async () => {
    const de = await publicHolidays('de', 2026, 2027);
    expect(de).toMatchObject({ country: 'DE', source: 'date-holidays', extraWorkDays: [] });
    expect(de.holidays).toEqual(expect.arrayContaining(['2026-12-25', '2027-01-01', '2027-10-03']));
    expect((await publicHolidays('XX', 2026, 2026)).holidays).toEqual([]);
  });
});

describe('countryOfTimeZone', () => {
  it('knows the country of a zone, and none for UTC', async () => {
    expect(await countryOfTimeZone('Asia/Shanghai')).toBe('CN');
    expect(await countryOfTimeZone('Europe/Berlin')).toBe('DE');
    expect(await countryOfTimeZone('UTC')).toBeNull();
  });
});
