import {
  type DocPart,
  type ReportDocumentInput,
  type ReportTexts,
  reportDocument,
  reportWords,
} from '@comms-log/shared';
import { CaseNotesEditor, SuggestionsEditor } from './texts-editors';
import { TableBlock } from './table-block';

/** A chart as an image of its SVG: the same markup as the printable report, and no markup in the page. */
export const svgSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

interface Props {
  input: ReportDocumentInput;
  stem: string;
  /** The manager's texts are editable (a new edition), or shown as saved. */
  onTexts?: (texts: ReportTexts) => void;
}

function Part({ part, props }: { part: DocPart; props: Props }) {
  const words = reportWords(props.input.report.meta.language);
  switch (part.kind) {
    case 'heading':
      return <h3>{part.text}</h3>;
    case 'text':
      return <p data-testid={part.headline ? 'report-overview' : undefined}>{part.text}</p>;
    case 'chart':
      return (
        <figure className="dash-report-chart" data-chart={part.id}>
          <img src={svgSrc(part.svg)} alt={part.title} />
        </figure>
      );
    case 'table':
      return <TableBlock table={part.table} stem={props.stem} emptyText={words.w('noRows')} />;
    case 'managerText': {
      const { onTexts } = props;
      const texts = props.input.texts;
      if (!onTexts)
        return (
          <div className="dash-report-manager">
            <h3>{part.label}</h3>
            {part.text.trim() ? <p>{part.text}</p> : <p className="pg-muted">{words.w('noText')}</p>}
          </div>
        );
      return (
        <div className="dash-report-manager pg-field">
          <label htmlFor={`report-text-${part.key}`}>{part.label}</label>
          <textarea
            id={`report-text-${part.key}`}
            rows={4}
            value={part.text}
            onChange={(e) => onTexts({ ...texts, [part.key]: e.target.value })}
          />
        </div>
      );
    }
  }
}

/** The report in its own language as the six sections of the shared document (the page's chrome stays in the UI's). */
export function ReportDocument(props: Props) {
  const doc = reportDocument(props.input);
  const { report } = props.input;
  const partKeys = (id: string, parts: DocPart[]) =>
    parts.map((p, i) => `${id}:${p.kind}:${p.kind === 'table' ? p.table.id : p.kind === 'chart' ? p.id : i}`);
  return (
    <article className="dash-report" lang={report.meta.language} aria-label={doc.title} data-testid="report">
      <h1>{doc.title}</h1>
      {doc.sections.map((s) => {
        const keys = partKeys(s.id, s.parts);
        return (
          <section key={s.id} aria-label={s.title} data-section={s.id} className="dash-report-section">
            <h2>{s.title}</h2>
            {s.parts.map((p, i) => (
              <Part key={keys[i]} part={p} props={props} />
            ))}
            {props.onTexts && s.id === 'effect' && (
              <CaseNotesEditor report={report} texts={props.input.texts} onTexts={props.onTexts} />
            )}
            {props.onTexts && s.id === 'suggestions' && (
              <SuggestionsEditor texts={props.input.texts} onTexts={props.onTexts} />
            )}
          </section>
        );
      })}
    </article>
  );
}
