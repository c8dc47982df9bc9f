import type { EditionChange, EditionDiff, ReportTexts } from '../../schemas/report-edition';
import type { PeriodReport } from '../../schemas/reports';
import { reportWords } from './labels';

/*
 * How two editions' figures differ (docs/report.md "Editions"): the headline counts, each channel and type, the
 * response figures, each goal's actual and status and each type's coverage; labels in the later edition's language.
 */

type Figure = { id: string; label: string; value: number | null; status?: string };

function figuresOf(r: PeriodReport, language: PeriodReport['meta']['language']): Figure[] {
  const w = reportWords(language);
  const resp = r.response.total;
  return [
    { id: 'total', label: w.w('interactions'), value: r.overview.total },
    { id: 'inbound', label: w.w('inbound'), value: r.overview.inbound },
    { id: 'outbound', label: w.w('outbound'), value: r.overview.outbound },
    ...r.overview.byType.map((x) => ({
      id: `type.${x.key}`,
      label: `${w.w('interactions')}: ${w.type(x.key)}`,
      value: x.count,
    })),
    ...r.overview.byChannel.map((x) => ({
      id: `channel.${x.key}`,
      label: `${w.w('interactions')}: ${w.channel(x.key)}`,
      value: x.count,
    })),
    { id: 'waits', label: w.w('waits'), value: resp.waits },
    { id: 'onTimeRate', label: w.w('onTimeRate'), value: resp.onTimeRate },
    { id: 'medianMs', label: w.w('medianHours'), value: resp.medianMs === null ? null : resp.medianMs / 3_600_000 },
    ...r.goals.map((g) => ({
      id: `goal.${g.id}`,
      label: `${w.w('goal')}: ${g.label}`,
      value: g.actual,
      status: w.w(g.status),
    })),
    ...r.coverage.map((c) => ({
      id: `coverage.${c.stakeholderType}`,
      label: `${w.w('coverage')}: ${w.type(c.stakeholderType)}`,
      value: c.rate,
    })),
  ];
}

const TEXT_KEYS: (keyof ReportTexts)[] = [
  'overview',
  'typesAndGoals',
  'channels',
  'qualitative',
  'caseNotes',
  'suggestions',
  'longTermGoals',
  'summary',
];

/** What changed from `before` to `after`: figures that moved (or appeared, or went) and the texts rewritten. */
export function diffEditions(
  before: { figures: PeriodReport; texts: ReportTexts },
  after: { figures: PeriodReport; texts: ReportTexts },
): EditionDiff {
  const language = after.figures.meta.language;
  const old = new Map(figuresOf(before.figures, language).map((f) => [f.id, f]));
  const changes: EditionChange[] = [];
  const seen = new Set<string>();
  for (const f of figuresOf(after.figures, language)) {
    seen.add(f.id);
    const b = old.get(f.id);
    if (b && b.value === f.value && b.status === f.status) continue;
    changes.push({
      figure: f.id,
      label: f.label,
      before: b?.value ?? null,
      after: f.value,
      ...(f.status !== undefined ? { status: { before: b?.status ?? null, after: f.status } } : {}),
    });
  }
  for (const [id, b] of old) {
    if (!seen.has(id)) changes.push({ figure: id, label: b.label, before: b.value, after: null });
  }
  const textsChanged = TEXT_KEYS.filter((k) => JSON.stringify(before.texts[k]) !== JSON.stringify(after.texts[k]));
  return { changes, textsChanged };
}
