// A document's blocks as one self-contained HTML page: no external assets (styles inline, no scripts, no
// fonts to fetch), readable on a phone (wide tables scroll inside their own box), printable (A4, tables
// repeat their header on each printed page). Every text is escaped here, whatever the template produced.
import type { Block, Inline } from './blocks.js';
import { plainText } from './blocks.js';

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function inlines(list: Inline[]): string {
  return list
    .map((inline) => {
      if (inline.br) return '<br>';
      let html = escapeHtml(inline.text);
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      if (inline.href) html = `<a href="${escapeHtml(inline.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

const cls = (name: string | undefined) => (name ? ` class="${escapeHtml(name)}"` : '');

function table(block: Extract<Block, { kind: 'table' }>): string {
  const cols = block.widths
    ? `<colgroup>${block.widths.map((w) => `<col style="width:${((w / block.widths!.reduce((a, b) => a + b, 0)) * 100).toFixed(1)}%">`).join('')}</colgroup>`
    : '';
  const head = block.header
    .map((row) => `<tr>${row.map((cell) => `<th scope="col">${inlines(cell)}</th>`).join('')}</tr>`)
    .join('\n');
  const body = block.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${inlines(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table${cls(block.className)}>${cols}<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

function block(b: Block, anchor: string | undefined): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}${anchor ? ` id="${anchor}"` : ''}>${inlines(b.inlines)}</h${b.level}>`;
    case 'paragraph':
      return `<p${cls(b.className)}>${inlines(b.inlines)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return table(b);
  }
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #1a1a1a;
  margin: 0 auto; max-width: 60rem; padding: 1rem; font-size: 1rem; }
h1 { font-size: 1.5rem; text-align: center; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0 0 0.6rem; }
a { color: #0b57d0; overflow-wrap: anywhere; }
.meta { text-align: center; color: #555; }
.notice { background: #fff6d5; border-left: 4px solid #e0b000; padding: 0.5rem 0.75rem; }
nav.toc { border: 1px solid #ddd; padding: 0.5rem 1rem; margin: 1rem 0; }
nav.toc ol { margin: 0.25rem 0; padding-left: 0; list-style: none; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
table.purposes { min-width: 56rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.4rem; vertical-align: top; text-align: left; }
thead th { background: #eee; }
@media (max-width: 40rem) { body { padding: 0.6rem; font-size: 0.95rem; } h1 { font-size: 1.25rem; } }
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  table.purposes { min-width: 0; font-size: 7pt; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}`;

/** The page: the first heading titles it, the second-level headings make the table of contents. */
export function documentHtmlPage(blocks: Block[], options: { lang: string; tocTitle: string }): string {
  const title = blocks.find((b) => b.kind === 'heading');
  const anchors = new Map<Block, string>();
  const toc: string[] = [];
  for (const b of blocks) {
    if (b.kind !== 'heading' || b.level !== 2) continue;
    const id = `s${anchors.size + 1}`;
    anchors.set(b, id);
    toc.push(`<li><a href="#${id}">${inlines(b.inlines)}</a></li>`);
  }
  // The contents go after the title block (the title and the lines before the first section).
  const firstSection = blocks.findIndex((b) => anchors.has(b));
  const body = blocks.map((b, i) => {
    const html = block(b, anchors.get(b));
    return i === firstSection && toc.length > 0
      ? `<nav class="toc" aria-label="${escapeHtml(options.tocTitle)}"><strong>${escapeHtml(options.tocTitle)}</strong><ol>${toc.join('')}</ol></nav>\n${html}`
      : html;
  });
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title?.kind === 'heading' ? plainText(title.inlines) : '')}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
