// Builds the cookie banner (widget/src) into widget/dist/widget.js (one minified IIFE, ES2020) and
// widget/dist/widget.css. `npm run build:widget` also prints the gzipped sizes against the 6 kB budget
// (JS + CSS + one language's config; the config measured is test/fixtures/widget-config.ru.json).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const widgetDist = join(root, 'widget', 'dist');

export async function buildWidget(): Promise<void> {
  const common = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning' } as const;
  await build({
    ...common,
    entryPoints: [join(root, 'widget', 'src', 'main.ts')],
    outfile: join(widgetDist, 'widget.js'),
    format: 'iife',
    target: 'es2020',
  });
  await build({
    ...common,
    entryPoints: [join(root, 'widget', 'src', 'widget.css')],
    outfile: join(widgetDist, 'widget.css'),
  });
}

/** Gzipped bytes of the built files and of a sample one-language config. */
export function widgetSizes(configJson: string): { js: number; css: number; config: number; total: number } {
  const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
  const js = gz(readFileSync(join(widgetDist, 'widget.js')));
  const css = gz(readFileSync(join(widgetDist, 'widget.css')));
  const config = gz(configJson);
  return { js, css, config, total: js + css + config };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildWidget();
  const sample = readFileSync(join(root, 'test', 'fixtures', 'widget-config.ru.json'), 'utf8');
  const s = widgetSizes(JSON.stringify(JSON.parse(sample)));
  console.log(
    `widget gzipped: js ${s.js} B, css ${s.css} B, config (ru sample) ${s.config} B, total ${s.total} B of 6144 B`,
  );
  if (s.total > 6144) {
    console.error('over the 6 kB budget');
    process.exitCode = 1;
  }
}
