// Text of a PDF through poppler's pdftotext (Debian poppler-utils; .ci/run installs it and sets
// AMANAT_REQUIRE_PDFTOTEXT=1, so in CI a missing tool fails instead of skipping).
import { spawnSync } from 'node:child_process';

export const pdftotextAvailable = spawnSync('pdftotext', ['-v']).error === undefined;
if (!pdftotextAvailable && process.env.AMANAT_REQUIRE_PDFTOTEXT === '1') {
  throw new Error('pdftotext is required (apt-get install poppler-utils)');
}
if (!pdftotextAvailable) {
  console.warn(
    'pdftotext not found: PDF text checks are skipped (apt-get install poppler-utils to run them)',
  );
}

export function pdfText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr.toString()}`);
  // Layout mode may split words across columns with runs of spaces; tests look for whole phrases.
  return result.stdout.toString('utf8').replace(/[ \t]+/g, ' ');
}
