// Reading the seed policy (../shared/seed/): its text, table 3.1 reassembled across page breaks, and clauses.
// The golden tests compare the register and the generated policy with it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED = join('shared', 'seed', '000_9cb9a2bf54bf7492.txt');
// Beside the repository (../shared), or beside the folder of git worktrees that sit one level deeper.
export const seedPath =
  [join(repoRoot, '..', SEED), join(repoRoot, '..', '..', SEED)].find((p) => existsSync(p)) ??
  join(repoRoot, '..', SEED);
export const exampleRegisterPath = join(repoRoot, 'examples', 'nextbot.kz', 'register.yaml');

/** The seed's text, or null when the shared folder is absent (the golden tests then skip with a message). */
export function readSeed(): string | null {
  return existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : null;
}

/** Lower case, «ё» as «е», punctuation as spaces, single spaces: wording compared, not typesetting. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[;,.:«»"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SeedRow {
  number: number;
  cells: string[];
}

/**
 * Table 3.1 as the seed lays it out: rows start with «N\t»; page breaks insert a «## Политика…» heading and
 * repeat the header row; a cell continued on the next page comes as a line starting with tabs, whose
 * non-empty cells are appended to the same cells of the row above.
 */
export function parseTable31(text: string): SeedRow[] {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith('№\tЦель обработки'));
  if (header < 0) throw new Error('table 3.1 header not found in the seed');
  const rows: string[][] = [];
  for (const line of lines.slice(header + 1)) {
    if (line.startsWith('3.1.1.')) break;
    if (/^\d+\t/.test(line)) rows.push(line.split('\t').map((c) => c.trim()));
    else if (line.startsWith('\t')) {
      const last = rows[rows.length - 1]!;
      for (const [i, cell] of line.split('\t').entries()) {
        if (cell.trim()) last[i] = `${last[i] ?? ''} ${cell.trim()}`.trim();
      }
    }
  }
  return rows.map((cells) => ({ number: Number(cells[0]), cells }));
}

/** The text of a clause, from its number to the next one's, without page headings, lines joined by spaces. */
export function clause(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  if (start < 0 || end < 0) throw new Error(`clause ${from} not found in the seed`);
  return text
    .slice(start + from.length, end)
    .split('\n')
    .filter((l) => !/^#+ /.test(l) && l.trim() !== '')
    .join(' ');
}
