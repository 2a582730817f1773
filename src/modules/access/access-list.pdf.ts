// The approved access list as PDF, in Russian (seed 3.5.2: the head approves the list of persons whose access
// to personal data is needed for their duties). Fonts and dates come from lib/pdf.ts
// (DejaVu Sans covers Kazakh letters too).
import { createPdf, ruDateTime as dateTime, ruDay as day, plainDay } from '../../lib/pdf.js';
import type { AccessListDocument, AccessListEntry } from './access-list.types.js';

const TITLE =
  'Перечень лиц, доступ которых к персональным данным необходим для выполнения ими служебных (трудовых) обязанностей';

const person = (p: { name: string; position: string | null }) =>
  p.position ? `${p.name}, ${p.position}` : p.name;

// Landscape: seven columns of wrapped Russian text need the width more than the rows need the height.
const MARGIN = 48;
const CELL_PADDING = 4;
const TABLE_FONT_SIZE = 8;
const columns: { header: string; width: number; cell: (e: AccessListEntry, n: number) => string }[] = [
  { header: '№ п/п', width: 28, cell: (_, n) => String(n) },
  { header: 'ФИО', width: 140, cell: (e) => e.fullName },
  { header: 'Должность', width: 95, cell: (e) => e.position ?? '—' },
  { header: 'Роль', width: 80, cell: (e) => e.role.name },
  {
    header: 'Цели обработки (номер и название)',
    width: 180,
    cell: (e) =>
      e.purposes.map((p) => (p.number !== undefined ? `${p.number}. ${p.title}` : p.title)).join('\n') || '—',
  },
  { header: 'Действия с персональными данными', width: 152, cell: (e) => e.actions.join(', ') || '—' },
  { header: 'Доступ с', width: 70, cell: (e) => plainDay(e.grantedFrom) },
];

type Pdf = ReturnType<typeof createPdf>['doc'];

/** The page's geometry and a plain-text line writer, shared by the steps below. */
interface Page {
  pdf: Pdf;
  left: number;
  contentWidth: number;
  bottom: () => number;
  line: (text: string, size?: number) => void;
}

function openPdf(doc: AccessListDocument, approved: boolean) {
  return createPdf({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true, // page numbers "стр. N из M" are written once the page count is known
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: `${TITLE} (версия ${doc.version})`,
      Author: doc.operator.name,
      Subject: approved ? 'Утверждённый перечень лиц с доступом к персональным данным' : 'Проект перечня',
      // The document's own date rather than the rendering time, so that the same version renders the same way.
      CreationDate: new Date(doc.approvedAt ?? doc.proposedAt),
    },
  });
}

function pageOf(pdf: Pdf): Page {
  const left = MARGIN;
  const contentWidth = pdf.page.width - 2 * MARGIN;
  return {
    pdf,
    left,
    contentWidth,
    bottom: () => pdf.page.height - pdf.page.margins.bottom,
    line: (text: string, size = 10) => {
      pdf.x = left;
      pdf.font('body').fontSize(size).text(text, { width: contentWidth });
    },
  };
}

/** The operator on the left, the approval block (or the draft mark) on the right, then the title. */
function drawHeading(page: Page, doc: AccessListDocument, timeZone: string, approved: boolean): void {
  const { pdf, left, contentWidth } = page;
  const top = pdf.y;
  const blockWidth = 240;
  const blockX = left + contentWidth - blockWidth;
  pdf.x = blockX;
  pdf.y = top;
  if (approved) {
    pdf.font('bold').fontSize(11).text('УТВЕРЖДАЮ', blockX, top, { width: blockWidth });
    pdf.moveDown(0.2);
    pdf.font('body').fontSize(10);
    if (doc.approvedBy!.position) pdf.text(doc.approvedBy!.position, { width: blockWidth });
    pdf.text(doc.operator.name, { width: blockWidth });
    pdf.moveDown(0.6);
    pdf.text(`____________ ${doc.approvedBy!.name}`, { width: blockWidth });
    pdf.text(day(doc.approvedAt!, timeZone), { width: blockWidth });
  } else {
    pdf
      .font('bold')
      .fontSize(12)
      .fillColor('#b00000')
      .text('ПРОЕКТ — не утверждён', blockX, top, { width: blockWidth });
    if (doc.status === 'rejected') pdf.font('body').fontSize(10).text('(отклонён)', { width: blockWidth });
    pdf.fillColor('black');
  }
  const blockBottom = pdf.y;

  const operatorWidth = contentWidth - blockWidth - 24;
  pdf.font('bold').fontSize(12).text(doc.operator.name, left, top, { width: operatorWidth });
  pdf.font('body').fontSize(9).text(`БИН/ИИН: ${doc.operator.binIin}`, { width: operatorWidth });
  pdf.text(doc.operator.address, { width: operatorWidth });
  pdf.y = Math.max(pdf.y, blockBottom);
  pdf.moveDown(1.2);

  pdf.x = left;
  pdf.font('bold').fontSize(13).text(TITLE, { width: contentWidth, align: 'center' });
  pdf.moveDown(0.2);
  pdf.font('body').fontSize(10).text(`версия ${doc.version}`, { width: contentWidth, align: 'center' });
  if (doc.status === 'superseded') {
    pdf.text('утратила силу: заменена более поздней версией', { width: contentWidth, align: 'center' });
  }
  pdf.moveDown(1);
}

/**
 * The table's cell kit. The table is drawn cell by cell: each row is measured first, and a row that does not
 * fit moves to the next page, where the column headers are repeated.
 */
function tableOf(page: Page) {
  const { pdf, left } = page;
  const cellHeight = (text: string, width: number) =>
    pdf.heightOfString(text, { width: width - 2 * CELL_PADDING }) + 2 * CELL_PADDING;
  const drawRow = (cells: string[], font: 'body' | 'bold', y: number, height: number) => {
    let x = left;
    pdf.font(font).fontSize(TABLE_FONT_SIZE);
    cells.forEach((text, i) => {
      const width = columns[i]!.width;
      pdf.rect(x, y, width, height).lineWidth(0.5).stroke();
      pdf.text(text, x + CELL_PADDING, y + CELL_PADDING, { width: width - 2 * CELL_PADDING });
      x += width;
    });
  };
  const rowHeight = (cells: string[], font: 'body' | 'bold') => {
    pdf.font(font).fontSize(TABLE_FONT_SIZE);
    return Math.max(...cells.map((text, i) => cellHeight(text, columns[i]!.width)));
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, 'bold');
  const drawHeader = (y: number) => {
    drawRow(headers, 'bold', y, headerHeight);
    return y + headerHeight;
  };

  return { cellHeight, drawRow, rowHeight, headerHeight, drawHeader };
}

type Table = ReturnType<typeof tableOf>;

/**
 * A row taller than a whole page (an unusually long list of purposes) cannot be kept in cells without
 * clipping: it is written as a block that flows across pages instead, and the table resumes after it.
 * Returns where the table goes on.
 */
function drawOverflowRow(
  page: Page,
  table: Table,
  entry: AccessListEntry,
  n: number,
  cells: string[],
  y: number,
  more: boolean,
): number {
  const { pdf, left, contentWidth, bottom, line } = page;
  const { headerHeight, drawHeader } = table;
  pdf.x = left;
  pdf.y = y + 6;
  pdf
    .font('bold')
    .fontSize(9)
    .text(`${n}. ${entry.fullName}; ${entry.position ?? '—'}; роль: ${entry.role.name}`, {
      width: contentWidth,
    });
  line(`Цели обработки: ${cells[4]!.replace(/\n/g, '; ')}`, 9);
  line(`Действия: ${cells[5]}`, 9);
  line(`Доступ с: ${cells[6]}`, 9);
  pdf.moveDown(0.5);
  y = pdf.y;
  if (more) {
    if (y + headerHeight * 2 > bottom()) {
      pdf.addPage();
      y = pdf.y;
    }
    y = drawHeader(y);
  }
  return y;
}

/** The table of persons and systems; returns where it ends. */
function drawTable(page: Page, doc: AccessListDocument): number {
  const { pdf, left, contentWidth, bottom } = page;
  const table = tableOf(page);
  const { cellHeight, drawRow, rowHeight, headerHeight, drawHeader } = table;
  let y = pdf.y;
  if (y + headerHeight * 2 > bottom()) {
    pdf.addPage();
    y = pdf.y;
  }
  y = drawHeader(y);
  if (doc.entries.length === 0) {
    pdf.font('body').fontSize(TABLE_FONT_SIZE);
    const height = cellHeight('Лица не указаны', contentWidth);
    pdf.rect(left, y, contentWidth, height).lineWidth(0.5).stroke();
    pdf.text('Лица не указаны', left + CELL_PADDING, y + CELL_PADDING, {
      width: contentWidth - 2 * CELL_PADDING,
    });
    y += height;
  }
  doc.entries.forEach((entry, index) => {
    const n = index + 1;
    const cells = columns.map((c) => c.cell(entry, n));
    const height = rowHeight(cells, 'body');
    const pageTop = pdf.page.margins.top;
    if (height > bottom() - pageTop - headerHeight) {
      y = drawOverflowRow(page, table, entry, n, cells, y, index < doc.entries.length - 1);
      return;
    }
    if (y + height > bottom()) {
      pdf.addPage();
      y = drawHeader(pdf.page.margins.top);
    }
    drawRow(cells, 'body', y, height);
    y += height;
  });

  return y;
}

/** Signatures and references below the table; plain text flows onto a new page if needed. */
function drawSignatures(
  page: Page,
  doc: AccessListDocument,
  timeZone: string,
  approved: boolean,
  y: number,
): void {
  const { pdf, left, line } = page;
  pdf.x = left;
  pdf.y = y;
  pdf.moveDown(1.5);
  line(`Всего лиц: ${doc.entries.length}`, 10);
  if (doc.previousVersion !== null) line(`Заменяет версию ${doc.previousVersion}`, 10);
  if (doc.note) line(`Примечание: ${doc.note}`, 10);
  pdf.moveDown(0.8);
  line(`Подготовил: ${person(doc.proposedBy)}, ${day(doc.proposedAt, timeZone)}`, 10);
  pdf.moveDown(0.3);
  line(
    approved
      ? `Утвердил: ${person(doc.approvedBy!)}, ${dateTime(doc.approvedAt!, timeZone)}`
      : 'Утвердил: ____________ (перечень не утверждён)',
    10,
  );
  if (doc.auditPosition) {
    line(
      `Утверждение записано в журнал аудита: запись № ${doc.auditPosition.seq}, контрольное значение ${doc.auditPosition.hash}`,
      10,
    );
  }
}

/** Page numbers in the bottom margin; the margin is lifted for the write so pdfkit does not add a page. */
function numberPages(page: Page, doc: AccessListDocument): void {
  const { pdf, left, contentWidth } = page;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const margin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('body')
      .fontSize(8)
      .fillColor('#555555')
      .text(
        `Перечень лиц с доступом к персональным данным, версия ${doc.version} · стр. ${i - range.start + 1} из ${range.count}`,
        left,
        pdf.page.height - margin / 2 - 4,
        { width: contentWidth, align: 'center', lineBreak: false },
      );
    pdf.fillColor('black');
    pdf.page.margins.bottom = margin;
  }
}

export async function renderAccessListPdf(doc: AccessListDocument, timeZone: string): Promise<Buffer> {
  const approved = doc.approvedBy !== null && doc.approvedAt !== null;
  const { doc: pdf, done } = openPdf(doc, approved);
  const page = pageOf(pdf);
  drawHeading(page, doc, timeZone, approved);
  const y = drawTable(page, doc);
  drawSignatures(page, doc, timeZone, approved, y);
  numberPages(page, doc);
  pdf.end();
  return done;
}
