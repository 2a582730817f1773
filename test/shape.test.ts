// The shape rules of docs/ARCHITECTURE.md that review alone would not hold, checked on the real source tree.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFunctionLengths, checkOwnership, tableOwners } from '../scripts/check-shape.js';

const root = join(import.meta.dirname, '..');

/** The ownership table of docs/ARCHITECTURE.md: table → owner. */
function documentedOwners(): Map<string, string> {
  const doc = readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const section = doc.split('## Who owns which table')[1]!.split('\n## ')[0]!;
  const owners = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length !== 4 || cells[1] === 'table' || cells[1]!.startsWith('-')) continue;
    for (const table of cells[1]!.split(','))
      owners.set(table.trim().replace(/^amanat_keys\./, ''), cells[2]!);
  }
  return owners;
}

describe('shape of the source tree', () => {
  it('every module writes only the tables it owns', () => {
    expect(checkOwnership(root)).toEqual([]);
  });

  it('no function has more than 80 lines of its own without saying why it is kept whole', () => {
    expect(checkFunctionLengths(root)).toEqual([]);
  });

  it('the ownership table in docs/ARCHITECTURE.md is the one the *.table.ts files declare', () => {
    const declared = Object.fromEntries([...tableOwners(root)].sort());
    const documented = Object.fromEntries([...documentedOwners()].sort());
    expect(documented).toEqual(declared);
  });
});

describe('the shape check itself', () => {
  const fake = mkdtempSync(join(tmpdir(), 'amanat-shape-'));
  afterAll(() => rmSync(fake, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(fake, path, '..'), { recursive: true });
    writeFileSync(join(fake, path), text);
  };
  write('src/modules/owner/owner.table.ts', "export const things = pgTable('things', {});\n");
  write(
    'src/modules/other/other.service.ts',
    [
      '// UPDATE things SET x = 1 — a comment is not SQL',
      "export const ok = 'SELECT * FROM things FOR UPDATE';",
      "export const upsert = 'INSERT INTO mine VALUES (1) ON CONFLICT (id) DO UPDATE SET x = 1';",
      'export const bad = `WITH moved AS (UPDATE things SET x = $1 RETURNING 1) SELECT 1`;',
      "export const alsoBad = 'DELETE FROM things WHERE id = $1';",
    ].join('\n'),
  );
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
  write(
    'src/lib/long.ts',
    [
      `export function tooLong() {\n${body(85)}\n}`,
      `// Kept whole: one table of constants read top to bottom.\nexport function explained() {\n${body(85)}\n}`,
      `export function factory() {\n${body(40)}\n  function inner() {\n${body(60)}\n  }\n  return inner;\n}`,
    ].join('\n'),
  );

  it('finds writes to another module’s table in SQL, not in comments, reads or upserts of its own', () => {
    const problems = checkOwnership(fake);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['src/modules/other/other.service.ts', 4],
      ['src/modules/other/other.service.ts', 5],
    ]);
    expect(problems[0]!.message).toContain('owned by owner');
  });

  it('counts a function’s own lines apart from the functions nested in it, and honours a stated reason', () => {
    expect(checkFunctionLengths(fake).map((p) => p.message.split(':')[0])).toEqual(['tooLong']);
  });
});
