import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../../src/routers/_app';
import { procedureErrors } from './errors';
import { renderApiReference } from './render';

/*
 * The published API reference (docs/api-reference.md) is generated, never written by hand: every procedure has an
 * entry, and the committed file is what the router and the shared schemas give now.
 */

const committed = fileURLToPath(new URL('../../../docs/api-reference.md', import.meta.url));
const paths = Object.keys(appRouter._def.procedures as object);

describe('the API reference', () => {
  it('lists the error codes of every procedure, and of no procedure that is gone', () => {
    expect(Object.keys(procedureErrors).sort()).toEqual([...paths].sort());
  });

  it('has an entry for every procedure, with its input and output', () => {
    const text = renderApiReference();
    for (const path of paths) expect(text, path).toContain(`### ${path}\n`);
    expect(text).toContain('"additionalProperties": false');
  });

  it('declares the output of every procedure, so the server checks what it answers', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown } }>;
    const undeclared = paths.filter((path) => procedures[path]?._def.output === undefined);
    expect(undeclared, 'give these procedures an .output() schema from shared/src/schemas/').toEqual([]);
    expect(renderApiReference()).not.toContain('not declared');
  });

  it('is committed as generated: run `pnpm --filter @comms-log/server api:docs` after changing a procedure', () => {
    expect(readFileSync(committed, 'utf8') === renderApiReference(), 'docs/api-reference.md is stale').toBe(true);
  });
});
