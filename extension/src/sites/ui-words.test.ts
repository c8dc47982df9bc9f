import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No adapter may read the page through UI words of one language (docs/adding-a-site.md "UI languages"): the words
 * a page prints live in one table per site, `words.ts`. This scans the code (not the comments) of every file under
 * sites/<site>/ (subfolders too) except words.ts, tests and fixtures, and names each UI word it finds outside a table.
 */

const sitesDir = __dirname;

/** Chinese and Japanese words: kana and CJK ideographs (full-width punctuation such as "：" is no word). */
const cjkRun = /[\u3040-\u309f\u30a1-\u30ff\u3400-\u9fff\uf900-\ufaff]+/g;
/** Attributes a site fills with translated text: matching on their values ties a selector to one language. */
const textAttrSelector =
  /\[\s*(?:aria-label|aria-description|aria-roledescription|title|alt|placeholder|data-tooltip)\s*[~|^$*]?=\s*["']?([^"'\]]*)/gi;
/** English words and phrases pages print as UI (labels, time words, month and day names). */
const englishUiWords = [
  'ago',
  'yesterday',
  'today',
  'just now',
  'more information',
  'older messages',
  'reply',
  'replies',
  'forward',
  'former user',
  'deleted user',
  'resolved',
  'resolution date',
  'account manager',
  'google account',
  'from:',
  'to:',
  'draft',
  'me',
  'due date',
  'complete',
  'incomplete',
  'overdue',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
const englishUi = new RegExp(
  `(?<![\\w-])(?:${englishUiWords.map((w) => w.replace(/[.*+?^${}()|[\]\\:]/g, '\\$&')).join('|')})(?![\\w-])`,
  'gi',
);

type Finding = { file: string; word: string };

/** The texts of string, template and regular-expression literals and of identifiers: code, never comments. */
function literalTexts(source: string): Array<{ text: string; regExp: boolean }> {
  const file = ts.createSourceFile('scan.ts', source, ts.ScriptTarget.Latest, false);
  const out: Array<{ text: string; regExp: boolean }> = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      out.push({ text: node.text, regExp: false });
    else if (ts.isRegularExpressionLiteral(node)) out.push({ text: node.text, regExp: true });
    else if (ts.isIdentifier(node) && /[^ -~]/.test(node.text)) out.push({ text: node.text, regExp: false });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Two or more English words in a row, as a regular expression spells a phrase ("minutes\\s+ago"). */
const phraseInRegExp = /[A-Za-z]{2,}(?:(?: |\\s[+*?]?)+[A-Za-z]{2,})+/g;
/** Selectors on machine names (data attributes, ids, classes, roles, links): "comment-reply-button" is no UI word. */
const machineSelector = /\[\s*(?:data-[\w-]+|id|class|href|role)\s*[~|^$*]?=\s*["'][^"']*["']\s*\]/gi;

/** The UI words in one file's code. */
function scanSource(file: string, source: string): Finding[] {
  const words = new Set<string>();
  for (const { text, regExp } of literalTexts(source)) {
    for (const m of text.matchAll(cjkRun)) words.add(m[0]);
    for (const m of text.matchAll(textAttrSelector)) if (/\p{L}/u.test(m[1] ?? '')) words.add(m[1]!.trim());
    const rest = text.replace(textAttrSelector, '').replace(machineSelector, '');
    for (const m of rest.matchAll(englishUi)) words.add(m[0].toLowerCase());
    if (regExp) for (const m of rest.matchAll(phraseInRegExp)) words.add(m[0]);
  }
  return [...words].map((word) => ({ file, word }));
}

/** Adapter sources: every .ts under sites/<site>/, without words.ts, tests, test kits and fixtures. */
function adapterFiles(dir = sitesDir, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : adapterFiles(join(dir, entry.name), rel);
      const skipped = !prefix || entry.name === 'words.ts' || /\.test\.ts$|test-kit\.ts$/.test(entry.name);
      return entry.name.endsWith('.ts') && !skipped ? [rel] : [];
    })
    .sort();
}

/**
 * Findings not yet moved into their site's words.ts. Only Jira and Weibo may appear here, while their adapters
 * are reworked; every entry must still occur, so the list shrinks as they are fixed, until it is empty.
 */
const allowList: readonly Finding[] = [];

const key = (f: Finding) => `${f.file}: ${f.word}`;

describe('UI words in adapter sources', () => {
  const findings = adapterFiles().flatMap((file) => scanSource(file, readFileSync(join(sitesDir, file), 'utf8')));
  const allowed = new Set(allowList.map(key));

  it('scans all five sites and the shared code', () => {
    const sites = new Set(adapterFiles().map((f) => f.split('/')[0]));
    for (const site of ['common', 'gmail', 'jira', 'outlook', 'trello', 'weibo']) expect(sites).toContain(site);
  });

  it('finds no UI word of one language outside a words.ts table', () => {
    const unexpected = findings.filter((f) => !allowed.has(key(f))).map(key);
    expect(unexpected, 'move these words into the site words.ts, or anchor on structure').toEqual([]);
  });

  it('lists only findings that still occur, so the allow-list shrinks to empty', () => {
    const found = new Set(findings.map(key));
    expect(allowList.map(key).filter((k) => !found.has(k))).toEqual([]);
    for (const f of allowList) expect(relative('.', f.file)).toMatch(/^(jira|weibo)\//);
  });

  it('catches labels, time words and Chinese text but not machine names or comments', () => {
    const source = [
      `// "Reply" in a comment is fine, so is 回复`,
      `const a = '[aria-label^="More information about"]';`,
      `const b = /^(\\d+) minutes ago$/;`,
      'const c = `$' + '{n}条回复`;',
      `const d = '[data-testid="comment-reply-button"] #ReadingPane';`,
      `const e = { 昨天: 1 };`,
    ].join('\n');
    expect(scanSource('x.ts', source).map((f) => f.word)).toEqual([
      'More information about',
      'ago',
      'minutes ago',
      '条回复',
      '昨天',
    ]);
  });
});
