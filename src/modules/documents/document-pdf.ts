// A document's blocks as a PDF through the one engine (src/lib/documents-pdf.ts): second- and third-level
// headings make the table of contents, which stands after the title lines; tables repeat their header rows
// on each page and keep every row whole.
import {
  type Content,
  type DocumentLang,
  pdfHeading,
  pdfTable,
  pdfToc,
  renderPdf,
} from '../../lib/documents-pdf.js';
import { type Block, type Inline, plainText } from './blocks.js';

function inlines(list: Inline[]): Content[] {
  return list.map((inline) => {
    if (inline.br) return '\n';
    return {
      text: inline.text,
      ...(inline.bold ? { bold: true } : {}),
      ...(inline.italic ? { italics: true } : {}),
      ...(inline.href ? { link: inline.href, color: '#0b57d0' } : {}),
    } as Content;
  });
}

/** Tables with more columns than this go on landscape pages: eight columns of wrapped text need the width. */
const WIDE = 5;
const isWide = (b: Block | undefined) =>
  b?.kind === 'table' && (b.header[0]?.length ?? b.rows[0]?.length ?? 0) > WIDE;

/**
 * A wide table turns its pages to landscape from the headings just before it (with the lines between), and
 * the text after it returns to portrait.
 */
function orient(blocks: Block[], body: Content[]): void {
  blocks.forEach((b, i) => {
    if (!isWide(b)) return;
    let start = i;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (blocks[j]?.kind === 'heading') {
        start = j;
        break;
      }
    }
    // A section heading right above the subsection heading moves with it, not left alone at a page's foot.
    while (start > 0 && start < i && blocks[start - 1]?.kind === 'heading') start--;
    body[start] = {
      ...(body[start] as object),
      pageBreak: 'before',
      pageOrientation: 'landscape',
    } as Content;
    if (i + 1 < body.length && !isWide(blocks[i + 1])) {
      body[i + 1] = {
        ...(body[i + 1] as object),
        pageBreak: 'before',
        pageOrientation: 'portrait',
      } as Content;
    }
  });
}

function content(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return pdfHeading(plainText(b.inlines), b.level, { toc: b.level > 1 });
    case 'paragraph':
      return {
        text: inlines(b.inlines),
        style: b.className === 'notice' ? ['p', 'notice'] : 'p',
        // The internal papers align a title line or an approval block (class "center" or "right").
        ...(b.className === 'center' || b.className === 'right' ? { alignment: b.className } : {}),
      } as Content;
    case 'list': {
      const items = b.items.map((item) => ({ text: inlines(item) }));
      return (b.ordered ? { ol: items, style: 'list' } : { ul: items, style: 'list' }) as Content;
    }
    case 'table': {
      const columns = b.header[0]?.length ?? b.rows[0]?.length ?? 1;
      const cell = (c: Inline[]) => ({ text: inlines(c) }) as Content;
      return pdfTable({
        header: b.header.map((row) => row.map(cell)),
        rows: b.rows.map((row) => row.map(cell)),
        widths: b.widths,
        fontSize: columns > WIDE ? 7.5 : 9,
      });
    }
  }
}

export function documentPdf(
  blocks: Block[],
  options: { lang: DocumentLang; tocTitle: string; createdAt?: Date; orientation?: 'portrait' | 'landscape' },
): Promise<Buffer> {
  const firstSection = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2);
  const title = blocks.find((b) => b.kind === 'heading');
  const body = blocks.map(content);
  // A document laid out on landscape pages throughout needs no turning of pages around its wide tables.
  if (options.orientation !== 'landscape') orient(blocks, body);
  if (firstSection >= 0) body.splice(firstSection, 0, pdfToc(options.tocTitle));
  return renderPdf({
    title: title?.kind === 'heading' ? plainText(title.inlines) : '',
    lang: options.lang,
    orientation: options.orientation,
    content: body,
    createdAt: options.createdAt,
  });
}
