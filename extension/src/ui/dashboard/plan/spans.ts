import type { Plan, TimeSpan, WeekdayKey } from '@comms-log/shared';

/*
 * Working periods as the plan editor shows them: one line of spans, "09:00-12:00, 13:30-18:00". The text is kept as
 * typed until saving, when it is read back (and the plan schema checks the spans).
 */

type Calendar = Plan['calendar'];

/** The spans as text, "09:00-12:00, 13:30-16:00"; empty for none. */
export const spansText = (spans: readonly TimeSpan[] | undefined): string =>
  (spans ?? []).map((s) => `${s.start}-${s.end}`).join(', ');

/** The spans a line gives, or the first part that is not a span (e.g. "12-13"). */
export function parseSpans(text: string): { spans: TimeSpan[] } | { bad: string } {
  const spans: TimeSpan[] = [];
  for (const part of text.split(/[,;，；\n]+/)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const m = /^(\d{1,2}):(\d{2})\s*[-–—~～至到]\s*(\d{1,2}):(\d{2})$/.exec(trimmed);
    if (!m) return { bad: trimmed };
    const hhmm = (h: string, min: string) => `${h.padStart(2, '0')}:${min}`;
    spans.push({ start: hhmm(m[1]!, m[2]!), end: hhmm(m[3]!, m[4]!) });
  }
  return { spans };
}

/** The texts of a calendar's breaks and of each weekday's own periods. */
export interface PeriodTexts {
  breaks: string;
  weekdays: Partial<Record<WeekdayKey, string>>;
}

export const periodTextsOf = (cal: Calendar): PeriodTexts => ({
  breaks: spansText(cal.breaks),
  weekdays: Object.fromEntries(Object.entries(cal.weekdays ?? {}).map(([day, spans]) => [day, spansText(spans)])),
});

/**
 * The calendar with the texts read back: `breaks` and `weekdays` (a weekday with an empty line works the usual
 * day), or the texts that are not spans, by field.
 */
export function withPeriods(cal: Calendar, texts: PeriodTexts): { calendar: Calendar } | { bad: string[] } {
  const bad: string[] = [];
  const breaks = parseSpans(texts.breaks);
  if ('bad' in breaks) bad.push(`breaks: "${breaks.bad}"`);
  const weekdays: Partial<Record<WeekdayKey, TimeSpan[]>> = {};
  for (const [day, text] of Object.entries(texts.weekdays) as [WeekdayKey, string][]) {
    const own = parseSpans(text);
    if ('bad' in own) bad.push(`weekdays › ${day}: "${own.bad}"`);
    else if (own.spans.length && cal.workDays.includes(Number(day))) weekdays[day] = own.spans;
  }
  if (bad.length || 'bad' in breaks) return { bad };
  const { breaks: _b, weekdays: _w, ...rest } = cal;
  return {
    calendar: {
      ...rest,
      ...(breaks.spans.length ? { breaks: breaks.spans } : {}),
      ...(Object.keys(weekdays).length ? { weekdays } : {}),
    },
  };
}
