// The approved access list as PDF, in Russian or Kazakh (seed 3.5.2: the head approves the list of persons whose
// access to personal data is needed for their duties), laid out by the one PDF engine (src/lib/documents-pdf.ts):
// the column headers repeat on every page, rows are kept whole and pages are numbered by the engine.

import { ruDateTime as dateTime, ruDay as day, plainDay } from '../../lib/document-dates.js';
import { type Content, pdfTable, renderPdf } from '../../lib/documents-pdf.js';
import type { AccessListDocument, AccessListEntry } from './access-list.types.js';
import { type AccessListLang, accessListWords } from './access-list.words.js';

type Words = (typeof accessListWords)[AccessListLang];

const person = (p: { name: string; position: string | null }) =>
  p.position ? `${p.name}, ${p.position}` : p.name;

const purposeLines = (e: AccessListEntry) =>
  e.purposes.map((p) => (p.number !== undefined ? `${p.number}. ${p.title}` : p.title));

// Landscape: seven columns of wrapped text need the width more than the rows need the height.
const WIDTHS = [28, 140, 95, 80, 180, 152, 70];

/**
 * A row taller than a page would be dropped by the layout (a row is never split): an unusually long list of
 * purposes is written instead as a block that flows across pages after the table. The row's height is estimated
 * from the purposes column: about 38 characters a line at 8 pt in its 180 pt, and some 45 lines to a landscape
 * page under the header; past 40 lines the entry moves below.
 */
const CHARS_PER_LINE = 38;
const MAX_LINES = 40;
const tooTall = (e: AccessListEntry) =>
  purposeLines(e).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0) >
  MAX_LINES;

function cells(e: AccessListEntry, n: number, w: Words): Content[] {
  return [
    String(n),
    e.fullName,
    e.position ?? '—',
    e.role.name,
    purposeLines(e).join('\n') || '—',
    e.actions.join(', ') || '—',
    plainDay(e.grantedFrom),
  ].map((text, i) => (i === 4 && tooTall(e) ? w.below : text));
}

/** The operator on the left, the approval block (or the draft mark) on the right, then the title. */
function heading(doc: AccessListDocument, timeZone: string, w: Words, approved: boolean): Content[] {
  const approval: Content[] = approved
    ? [
        { text: w.approve, bold: true, fontSize: 11, margin: [0, 0, 0, 3] },
        ...(doc.approvedBy!.position ? [doc.approvedBy!.position] : []),
        doc.operator.name,
        { text: `____________ ${doc.approvedBy!.name}`, margin: [0, 8, 0, 0] },
        day(doc.approvedAt!, timeZone),
      ]
    : [
        { text: w.draft, bold: true, fontSize: 12, color: '#b00000' },
        ...(doc.status === 'rejected' ? [w.rejected] : []),
      ];
  return [
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: doc.operator.name, bold: true, fontSize: 12 },
            { text: `${w.binIin}: ${doc.operator.binIin}`, fontSize: 9 },
            { text: doc.operator.address, fontSize: 9 },
          ],
        },
        { width: 240, stack: approval },
      ],
      columnGap: 24,
      margin: [0, 0, 0, 16],
    },
    { text: w.title, bold: true, fontSize: 13, alignment: 'center', margin: [0, 0, 0, 3] },
    { text: w.version(doc.version), alignment: 'center' },
    ...(doc.status === 'superseded' ? [{ text: w.superseded, alignment: 'center' } as Content] : []),
    { text: '', margin: [0, 0, 0, 10] },
  ];
}

/** The table of persons and systems, then any entry too tall for a row, written as flowing text. */
function table(doc: AccessListDocument, w: Words): Content[] {
  const rows: Content[][] = doc.entries.length
    ? doc.entries.map((e, i) => cells(e, i + 1, w))
    : [[{ text: w.nobody, colSpan: 7 } as Content, '', '', '', '', '', '']];
  const overflow = doc.entries.flatMap((e, i) =>
    tooTall(e)
      ? [
          {
            text: `${i + 1}. ${e.fullName}; ${e.position ?? '—'}; ${w.role}: ${e.role.name}`,
            bold: true,
            fontSize: 9,
            margin: [0, 8, 0, 2],
          } as Content,
          { text: `${w.purposes}: ${purposeLines(e).join('; ')}`, fontSize: 9 } as Content,
          { text: `${w.actionsLabel}: ${e.actions.join(', ') || '—'}`, fontSize: 9 } as Content,
          { text: `${w.from}: ${plainDay(e.grantedFrom)}`, fontSize: 9 } as Content,
        ]
      : [],
  );
  return [pdfTable({ header: [[...w.columns]], rows, widths: WIDTHS, fontSize: 8 }), ...overflow];
}

/** Signatures and references below the table. */
function signatures(doc: AccessListDocument, timeZone: string, w: Words, approved: boolean): Content[] {
  const lines: Content[] = [{ text: w.total(doc.entries.length), margin: [0, 14, 0, 0] }];
  if (doc.previousVersion !== null) lines.push(w.replaces(doc.previousVersion));
  if (doc.note) lines.push(`${w.note}: ${doc.note}`);
  lines.push({
    text: `${w.proposed}: ${person(doc.proposedBy)}, ${day(doc.proposedAt, timeZone)}`,
    margin: [0, 10, 0, 4],
  });
  lines.push(
    approved
      ? `${w.approved}: ${person(doc.approvedBy!)}, ${dateTime(doc.approvedAt!, timeZone)}`
      : w.notApproved,
  );
  if (doc.auditPosition) lines.push(w.audit(doc.auditPosition.seq, doc.auditPosition.hash));
  return [{ stack: lines, unbreakable: lines.length < 8 } as Content];
}

export async function renderAccessListPdf(
  doc: AccessListDocument,
  timeZone: string,
  lang: AccessListLang = 'ru',
): Promise<Buffer> {
  const w = accessListWords[lang];
  const approved = doc.approvedBy !== null && doc.approvedAt !== null;
  return renderPdf({
    title: `${w.title} (${w.version(doc.version)})`,
    lang,
    orientation: 'landscape',
    content: [
      ...heading(doc, timeZone, w, approved),
      ...table(doc, w),
      ...signatures(doc, timeZone, w, approved),
    ],
    // The document's own date rather than the rendering time, so that the same version renders the same way.
    createdAt: new Date(doc.approvedAt ?? doc.proposedAt),
  });
}
