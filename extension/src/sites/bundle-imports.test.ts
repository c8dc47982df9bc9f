import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Adapters run in every page's content script, which must stay small (docs/adding-a-site.md "Size"): no file under
 * sites/ except tests and test kits may import a date, schema or UI library, nor a value from the shared package
 * (its index pulls in zod). Types are erased at build time and are fine.
 */

const sitesDir = __dirname;
const heavy = /^(?:luxon|zod|react|react-dom|@comms-log\/shared)(?:\/|$)/;

/** Adapter sources, recursively, without tests, test kits and fixtures. */
function sourceFiles(dir = sitesDir, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sourceFiles(join(dir, entry.name), rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|test-kit\.ts$/.test(entry.name) ? [rel] : [];
  });
}

/** The modules a file imports values from (type-only imports left out). */
function valueImports(source: string): string[] {
  const file = ts.createSourceFile('scan.ts', source, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const node of file.statements) {
    if (!ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) continue;
    const spec = node.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec)) continue;
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
    } else if (node.isTypeOnly) continue;
    out.push(spec.text);
  }
  return out;
}

/** Files allowed a heavy import: none (a new entry needs a reason here). */
const allowList: string[] = [];

describe('imports of adapter sources', () => {
  const offending = sourceFiles().flatMap((file) =>
    valueImports(readFileSync(join(sitesDir, file), 'utf8'))
      .filter((m) => heavy.test(m))
      .map((m) => `${file}: ${m}`),
  );

  it('bring in no date, schema or UI library', () => {
    expect(offending.filter((o) => !allowList.includes(o.split(':')[0]!))).toEqual([]);
  });

  it('lists only files that still import one', () => {
    expect(allowList.filter((f) => !offending.some((o) => o.startsWith(`${f}:`)))).toEqual([]);
  });

  it('tells a value import from a type-only one', () => {
    const source = [
      "import type { A } from '@comms-log/shared';",
      "import { type B } from 'zod';",
      "import { DateTime } from 'luxon';",
      "import { capturedThreadSchema, type C } from '@comms-log/shared';",
      "export { x } from 'react';",
    ].join('\n');
    expect(valueImports(source)).toEqual(['luxon', '@comms-log/shared', 'react']);
  });
});
