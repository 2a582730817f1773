// The one PDF engine for long documents: a declarative document definition (pdfmake over pdfkit) in, the PDF
// bytes out. pdfmake lays out what hand-written pdfkit code had to do itself: table headers repeated on every
// page, rows kept whole, page numbers "стр. N из M" and a table of contents with page numbers. The shipped
// DejaVu Sans (Cyrillic with the Kazakh letters ә ғ қ ң ө ұ ү һ і) is the only font. Evidence and decision:
// docs/documents.md, "PDF engine".
import { readFileSync } from 'node:fs';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fromPackageRoot } from './paths.js';

export type { Content } from 'pdfmake/interfaces.js';

export type DocumentLang = 'ru' | 'kk' | 'en';

// pdfmake's Node build keeps a virtual file system on its singleton (not in its typings). The fonts are put
// there once, so no document definition can name a file on disk.
interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
  existsSync(name: string): boolean;
}
const engine = pdfmake as typeof pdfmake & { virtualfs: VirtualFs };

const FONT = 'DejaVuSans';
let configured = false;
function configure(): void {
  if (configured) return;
  engine.virtualfs.writeFileSync(
    'DejaVuSans.ttf',
    readFileSync(fromPackageRoot('assets', 'fonts', 'DejaVuSans.ttf')),
  );
  engine.virtualfs.writeFileSync(
    'DejaVuSans-Bold.ttf',
    readFileSync(fromPackageRoot('assets', 'fonts', 'DejaVuSans-Bold.ttf')),
  );
  // DejaVu Sans has no italic in assets/fonts: italics fall back to the upright faces.
  engine.setFonts({
    [FONT]: {
      normal: 'DejaVuSans.ttf',
      bold: 'DejaVuSans-Bold.ttf',
      italics: 'DejaVuSans.ttf',
      bolditalics: 'DejaVuSans-Bold.ttf',
    },
  });
  // Register texts go into documents: an image or font URL or a local path in them must never be fetched or
  // read by the server (pdfmake would otherwise download URLs: CVE-2026-26801).
  engine.setUrlAccessPolicy(() => false);
  engine.setLocalAccessPolicy(() => false);
  configured = true;
}

const pageLabel: Record<DocumentLang, (page: number, pages: number) => string> = {
  ru: (page, pages) => `стр. ${page} из ${pages}`,
  kk: (page, pages) => `${pages} беттің ${page}-беті`,
  en: (page, pages) => `page ${page} of ${pages}`,
};

export interface PdfDocumentDefinition {
  /** The document's title: PDF metadata and the viewer's window title. */
  title: string;
  lang: DocumentLang;
  orientation?: 'portrait' | 'landscape';
  content: Content[];
  /**
   * The date written as the PDF's creation date. Fixed by callers that hash the bytes (a published policy),
   * so that the same document renders to the same bytes.
   */
  createdAt?: Date;
}

/** The table of contents: every heading made with `toc: true`, with its page number, where this node stands. */
export function pdfToc(title: string): Content {
  return { toc: { title: { text: title, style: 'tocTitle' } }, margin: [0, 0, 0, 12] } as Content;
}

/** A heading; `toc: true` lists it in the table of contents with its page number. */
export function pdfHeading(text: string, level: 1 | 2 | 3, options: { toc?: boolean } = {}): Content {
  return {
    text,
    style: `h${level}`,
    tocItem: options.toc === true,
    tocStyle: level === 3 ? 'tocSub' : 'tocMain',
    tocMargin: level === 3 ? [12, 0, 0, 0] : [0, 0, 0, 0],
    // A heading is never the last line of a page: it moves to the next page with what follows it.
    headlineLevel: level,
  } as Content;
}

/**
 * A table whose header rows repeat on every page and whose rows are never split across pages. Widths are
 * relative weights (3, 1, 1 → 60 %, 20 %, 20 %); without them the columns share the width equally.
 */
export function pdfTable(options: {
  header: Content[][];
  rows: Content[][];
  widths?: number[];
  fontSize?: number;
}): Content {
  const columns = options.header[0]?.length ?? options.rows[0]?.length ?? 1;
  const weights = options.widths ?? Array.from({ length: columns }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return {
    style: 'table',
    fontSize: options.fontSize ?? 9,
    table: {
      headerRows: options.header.length,
      dontBreakRows: true,
      widths: weights.map((w) => `${((w / total) * 100).toFixed(2)}%`),
      body: [
        ...options.header.map((row) => row.map((cell) => ({ stack: [cell], style: 'tableHeader' }))),
        ...options.rows,
      ],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#777777',
      vLineColor: () => '#777777',
      fillColor: (row: number) => (row < options.header.length ? '#eeeeee' : null),
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  } as Content;
}

const styles: TDocumentDefinitions['styles'] = {
  h1: { fontSize: 15, bold: true, margin: [0, 0, 0, 10], alignment: 'center' },
  h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
  p: { margin: [0, 0, 0, 5], lineHeight: 1.15, alignment: 'justify' },
  list: { margin: [0, 0, 0, 5] },
  table: { margin: [0, 2, 0, 8] },
  tableHeader: { bold: true },
  notice: { margin: [0, 4, 0, 8], fillColor: '#fff6d5' },
  tocTitle: { fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
  tocMain: { fontSize: 10 },
  tocSub: { fontSize: 9 },
};

/** Lays out and writes the document; resolves with the PDF bytes. */
export async function renderPdf(doc: PdfDocumentDefinition): Promise<Buffer> {
  configure();
  const label = pageLabel[doc.lang];
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: doc.orientation ?? 'portrait',
    pageMargins: [48, 42, 48, 48],
    language: doc.lang,
    info: { title: doc.title, creationDate: doc.createdAt ?? new Date(), producer: 'Amanat' },
    defaultStyle: { font: FONT, fontSize: 10 },
    styles,
    content: doc.content,
    footer: (page: number, pages: number) => ({
      text: label(page, pages),
      alignment: 'center',
      fontSize: 8,
      margin: [0, 16, 0, 0],
    }),
    // A heading that would end a page starts the next one instead (headlineLevel marks headings).
    pageBreakBefore: (node, following) =>
      node.headlineLevel !== undefined && following.getFollowingNodesOnPage().length === 0,
  };
  return engine.createPdf(definition).getBuffer();
}
