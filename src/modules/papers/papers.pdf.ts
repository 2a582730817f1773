// A paper as PDF: the default pieces (papers.content.ts, the text the shipped DOCX templates hold) filled with
// the paper's view, as document blocks through the one PDF engine (documents/document-pdf.ts), DejaVu Sans.
import type { Block, Inline } from '../documents/blocks.js';
import { documentPdf } from '../documents/document-pdf.js';
import { type PaperId, type PaperLang, type Piece, paperContent } from './papers.content.js';
import type { PaperView } from './papers.view.js';

const tocTitle: Record<PaperLang, string> = { ru: 'Содержание', kk: 'Мазмұны' };

/** Replaces each {tag} with the item's value (inside a table row) or the paper's. */
function fill(text: string, view: PaperView, item?: Record<string, string>): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, tag: string) => item?.[tag] ?? view.scalars[tag] ?? whole);
}

const plain = (text: string, bold = false): Inline[] => [{ text, ...(bold ? { bold: true } : {}) }];

function pieceBlocks(piece: Piece, view: PaperView): Block[] {
  switch (piece.kind) {
    case 'letterhead':
      return [
        {
          kind: 'paragraph',
          inlines: piece.lines.flatMap((line, i) => [
            ...(i > 0 ? [{ text: '', br: true }] : []),
            ...plain(fill(line, view), i === 0),
          ]),
        },
      ];
    case 'heading':
      return [{ kind: 'heading', level: piece.level, inlines: plain(fill(piece.text, view)) }];
    case 'paragraph':
      return [
        {
          kind: 'paragraph',
          inlines: plain(fill(piece.text, view), piece.bold),
          ...(piece.align ? { className: piece.align } : {}),
        },
      ];
    case 'table': {
      const items = (view.loops as Record<string, Record<string, string>[] | undefined>)[piece.loop] ?? [];
      return [
        {
          kind: 'table',
          header: [piece.header.map((h) => plain(h))],
          rows: items.map((item) => piece.cells.map((c) => plain(fill(c, view, item)))),
          widths: piece.widths,
        },
      ];
    }
  }
}

/** The paper's blocks: its default text filled with the view. */
export function paperBlocks(paper: PaperId, lang: PaperLang, view: PaperView): Block[] {
  return paperContent[lang][paper].pieces.flatMap((piece) => pieceBlocks(piece, view));
}

export function renderPaperPdf(
  paper: PaperId,
  lang: PaperLang,
  view: PaperView,
  options: { createdAt?: Date } = {},
): Promise<Buffer> {
  return documentPdf(paperBlocks(paper, lang, view), {
    lang,
    tocTitle: tocTitle[lang],
    createdAt: options.createdAt,
    orientation: paperContent[lang][paper].landscape ? 'landscape' : 'portrait',
  });
}
