// Builds the default DOCX templates of the operator's internal papers, templates/papers/<paper>.<lang>.docx,
// from the pieces in src/modules/papers/papers.content.ts (the same pieces the PDF is rendered from).
// Reproducible: the same pieces give the same bytes (fixed file dates in the archive).
//   npx tsx scripts/build-paper-templates.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { fromPackageRoot } from '../src/lib/paths.js';
import {
  type PaperContent,
  type Piece,
  paperContent,
  paperIds,
  paperLangs,
} from '../src/modules/papers/papers.content.js';

const FIXED_DATE = new Date('2026-01-01T00:00:00Z');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run(text: string, options: { bold?: boolean; size?: number } = {}): string {
  const props = `${options.bold ? '<w:b/>' : ''}${options.size ? `<w:sz w:val="${options.size}"/>` : ''}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function paragraph(
  text: string,
  options: { style?: string; align?: string; bold?: boolean; size?: number; extra?: string } = {},
): string {
  const props =
    (options.style ? `<w:pStyle w:val="${options.style}"/>` : '') +
    (options.extra ?? '') +
    (options.align ? `<w:jc w:val="${options.align}"/>` : '');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${run(text, options)}</w:p>`;
}

const BORDER = '<w:bottom w:val="single" w:sz="8" w:space="4" w:color="000000"/>';

function table(piece: Extract<Piece, { kind: 'table' }>, textWidth: number): string {
  const total = piece.widths.reduce((a, b) => a + b, 0);
  const cols = piece.widths.map((w) => Math.floor((w / total) * textWidth));
  const size = piece.cells.length > 5 ? 16 : 20;
  const cell = (text: string, width: number, bold: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(text, { style: 'TableText', bold, size })}</w:tc>`;
  const header = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${piece.header
    .map((h, i) => cell(h, cols[i] ?? 0, true))
    .join('')}</w:tr>`;
  const last = piece.cells.length - 1;
  // The loop opens in the first cell and closes in the last: docxtemplater repeats the whole row.
  const cells = piece.cells.map(
    (c, i) => `${i === 0 ? `{#${piece.loop}}` : ''}${c}${i === last ? `{/${piece.loop}}` : ''}`,
  );
  const row = `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map((c, i) => cell(c, cols[i] ?? 0, false)).join('')}</w:tr>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="777777"/>`)
    .join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${cols.map((c) => `<w:gridCol w:w="${c}"/>`).join('')}` +
    `</w:tblGrid>${header}${row}</w:tbl>${paragraph('')}`
  );
}

function pieceXml(piece: Piece, textWidth: number): string {
  switch (piece.kind) {
    case 'letterhead':
      // The letterhead: the operator's name, BIN/IIN and address above a rule. An operator replaces the whole
      // file with their own letterhead and keeps the tags.
      return piece.lines
        .map((line, i) =>
          paragraph(line, {
            style: 'Letterhead',
            bold: i === 0,
            extra: i === piece.lines.length - 1 ? `<w:pBdr>${BORDER}</w:pBdr>` : '',
          }),
        )
        .join('');
    case 'heading':
      return paragraph(piece.text, { style: piece.level === 1 ? 'Heading1' : 'Heading2' });
    case 'paragraph':
      return paragraph(piece.text, { align: piece.align ?? 'both', bold: piece.bold });
    case 'table':
      return table(piece, textWidth);
  }
}

function documentXml(content: PaperContent): string {
  const [w, h] = content.landscape ? [16838, 11906] : [11906, 16838];
  const margin = 1134;
  const body = content.pieces.map((p) => pieceXml(p, w - 2 * margin)).join('');
  const section =
    `<w:sectPr><w:pgSz w:w="${w}" w:h="${h}"${content.landscape ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${margin}" w:right="${margin}" w:bottom="${margin}" w:left="${margin}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}${section}</w:body></w:document>`;
}

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="24"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="200"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Letterhead"><w:name w:val="Letterhead"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>
</w:styles>`;

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const coreXml = (title: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(title)}</dc:title><dc:creator>Amanat</dc:creator></cp:coreProperties>`;

export function buildDocx(content: PaperContent): Buffer {
  const zip = new PizZip();
  const add = (name: string, text: string) => zip.file(name, text, { date: FIXED_DATE });
  add('[Content_Types].xml', contentTypes);
  add('_rels/.rels', rootRels);
  add('docProps/core.xml', coreXml(content.title));
  add('word/document.xml', documentXml(content));
  add('word/styles.xml', stylesXml);
  add('word/_rels/document.xml.rels', documentRels);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}

const out = fromPackageRoot('templates', 'papers');
mkdirSync(out, { recursive: true });
for (const lang of paperLangs) {
  for (const paper of paperIds) {
    const file = join(out, `${paper}.${lang}.docx`);
    writeFileSync(file, buildDocx(paperContent[lang][paper]));
    console.log(`written ${file}`);
  }
}
