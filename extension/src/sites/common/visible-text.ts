/**
 * Visible text of an element, as the capture contract defines it (docs/architecture.md "Capture contract",
 * `text`): skip <style>/<script>, `hidden` elements and elements whose computed display is none (page CSS
 * included, e.g. Gmail's quoted history `.h5`); block elements and <br> break lines; then whitespace runs
 * collapse to one space and the ends are trimmed. `textContent` would read hidden quotes, and happy-dom/jsdom have no
 * `innerText`, so the tree is walked by hand.
 */

const skippedTags = new Set(['STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK']);

/** Elements rendered as blocks by the browser's default style sheet. */
const blockTags = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Whitespace as HTML collapses it, plus no-break and ideographic spaces a reader also sees as gaps. */
const whitespaceRun = /[\s\u00a0\u3000]+/g;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isHidden(el: Element): boolean {
  if (skippedTags.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  return view.getComputedStyle(el).display === 'none';
}

function collect(node: Node, out: string[], skip: ReadonlySet<Element>): void {
  if (node.nodeType === TEXT_NODE) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const el = node as Element;
  if (skip.has(el) || isHidden(el)) return;
  const tag = el.tagName.toUpperCase();
  if (tag === 'BR') {
    out.push('\n');
    return;
  }
  const block = blockTags.has(tag);
  if (block) out.push('\n');
  for (const child of Array.from(el.childNodes)) collect(child, out, skip);
  if (block) out.push('\n');
}

/** Whether the element and all its ancestors are shown (none is `hidden`, display:none, style or script). */
export function isRendered(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.tagName.toUpperCase() === 'HTML') return true;
    if (isHidden(cur)) return false;
  }
  return true;
}

/** Collapse whitespace runs to one space and trim. */
export function collapseWhitespace(s: string): string {
  return s.replace(whitespaceRun, ' ').trim();
}

/**
 * The element's visible text, whitespace collapsed and trimmed (the element itself is checked too). `skip` leaves
 * out given descendants, e.g. the sender and time inside a collapsed mail item whose snippet has no own element.
 */
export function visibleText(el: Element, skip: Iterable<Element> = []): string {
  const out: string[] = [];
  collect(el, out, new Set(skip));
  return collapseWhitespace(out.join(''));
}

/** First 140 Unicode code points (not UTF-16 units), trailing whitespace trimmed again. */
export function snippet140(s: string): string {
  return Array.from(s).slice(0, 140).join('').trimEnd();
}

/**
 * Text cut to a capture field's limit (in UTF-16 units, as the schema counts) without splitting a surrogate pair,
 * trailing whitespace trimmed: a page can show a sender name of any length, and one over-long name must not stop
 * the whole thread from being logged (docs/architecture.md "Capture contract").
 */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]!) ? max - 1 : max;
  return s.slice(0, end).trimEnd();
}
