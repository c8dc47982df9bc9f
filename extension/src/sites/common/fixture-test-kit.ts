import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

/** A fixture page loaded into happy-dom at its real URL, with the capture it must produce. Tests only. */
export type LoadedFixture = {
  window: Window;
  document: Document;
  /** `fixture-url`: the page's real URL (also the expected capture's url). */
  url: string;
  /** `fixture-now`. */
  now: Date;
  /** `fixture-timezone`. */
  timeZone: string;
  /** The parsed `<name>.expected.json` beside the page, or null when there is none. */
  expected: unknown;
};

/** Reads a `<meta name=… content=…>` from the raw page source; null when absent. */
export function readFixtureMeta(html: string, name: string): string | null {
  const match = html.match(new RegExp(`<meta\\s+name="${name}"\\s+content="([^"]*)"`));
  return match ? decodeEntities(match[1]!) : null;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A happy-dom window that never runs or fetches anything the page names. */
export function createPageWindow(html: string, url: string): Window {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true },
  });
  window.document.write(html);
  return window;
}

/** Loads `<path>.html` (and `<path>.expected.json` when present) as a test fixture. */
export function loadFixture(htmlPath: string): LoadedFixture {
  const html = readFileSync(htmlPath, 'utf8');
  const meta = (name: string): string => {
    const value = readFixtureMeta(html, name);
    if (value === null) throw new Error(`${htmlPath}: missing <meta name="${name}">`);
    return value;
  };
  const url = meta('fixture-url');
  const window = createPageWindow(html, url);
  const expectedPath = htmlPath.replace(/\.html$/, '.expected.json');
  let expected: unknown = null;
  try {
    expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return {
    window,
    document: window.document as unknown as Document,
    url,
    now: new Date(meta('fixture-now')),
    timeZone: meta('fixture-timezone'),
    expected,
  };
}
