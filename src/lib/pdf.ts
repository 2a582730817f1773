// What every PDF Amanat writes shares: DejaVu Sans (Cyrillic, Kazakh letters and Latin digits) registered as
// 'body' and 'bold', the document collected into one Buffer, and Russian date formats.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { fromPackageRoot } from './paths.js';

let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(fromPackageRoot('assets', 'fonts', 'DejaVuSans.ttf')),
    bold: readFileSync(fromPackageRoot('assets', 'fonts', 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/** A new document with the fonts registered; `done` resolves with the bytes once `doc.end()` is called. */
export function createPdf(options: PDFKit.PDFDocumentOptions): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument(options);
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

// Plain dates (YYYY-MM-DD) are already in the operator's time zone: reordered, not converted, so that a
// zone west of UTC cannot move them to the previous day.
export const plainDay = (ymd: string) => ymd.split('-').reverse().join('.');

/** dd.mm.yyyy of an instant in the given zone. */
export const ruDay = (iso: string | Date, timeZone: string) =>
  new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );

/** dd.mm.yyyy, hh:mm of an instant in the given zone. */
export const ruDateTime = (iso: string | Date, timeZone: string) =>
  new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
