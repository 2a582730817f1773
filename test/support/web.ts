// A built web app as Vite lays it out (web/dist): two pages carrying the nonce mark, their hashed scripts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const page = (entry: string) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8">
<meta name="csp-nonce" content="__CSP_NONCE__">
<title>${entry}</title>
<script type="module" crossorigin src="/assets/${entry}-abc123.js"></script>
</head><body><div id="root"></div></body></html>
`;

/**
 * What Mantine does with the nonce: a style element carrying it (allowed), and one without it (refused by the
 * policy); then it marks the page ready.
 */
const script = (entry: string) => `const nonce = document.querySelector('meta[name="csp-nonce"]').content;
const allowed = document.createElement('style');
allowed.nonce = nonce;
allowed.textContent = '#root { color: rgb(1, 2, 3); }';
document.head.append(allowed);
const refused = document.createElement('style');
refused.textContent = 'body { background-color: rgb(9, 9, 9); }';
document.head.append(refused);
document.getElementById('root').textContent = '${entry} ready';
`;

/** Writes the fake build into `dir`. */
export function fakeBuild(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), page('centre'));
  writeFileSync(join(dir, 'console.html'), page('console'));
  writeFileSync(join(dir, 'assets', 'centre-abc123.js'), script('centre'));
  writeFileSync(join(dir, 'assets', 'console-abc123.js'), script('console'));
  writeFileSync(join(dir, 'favicon.ico'), 'ico');
}
