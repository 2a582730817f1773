// The four internal papers from the example register, opened as a reader would: the DOCX unzipped and its
// word/document.xml read as text, the PDF through pdftotext. Blanks where the register has no value; a broken
// replaced template fails naming the file while the shipped one still renders.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { pdftotextAvailable } from '../../../test/support/pdf.js';
import { exampleRegister } from '../../../test/support/stores.js';
import { isDomainError } from '../../lib/errors.js';
import type { AccessListDocument } from '../access/access-list.types.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { loadRegisterFile } from '../register/register.loader.js';
import type { Register } from '../register/register.schema.js';
import { type PaperId, type PaperLang, paperIds } from './papers.content.js';
import { paperTemplate, renderPaperDocx } from './papers.docx.js';
import { renderPaperPdf } from './papers.pdf.js';
import { BLANK, buildPaperView } from './papers.view.js';

const { register } = loadRegisterFile(exampleRegister);
const profile = loadProfile('KZ');

const accessList: AccessListDocument = {
  id: '5b0e7c1a-2f3d-4a6b-9c8d-1e2f3a4b5c6d',
  version: 3,
  status: 'approved',
  operator: { name: 'ИП Бекишев Берик Серикович', binIin: '941203351343', address: 'г. Караганда' },
  proposedBy: { name: 'Смирнова Ольга Викторовна', position: 'специалист по защите данных' },
  proposedAt: '2026-11-20T06:00:00Z',
  approvedBy: { name: 'Бекишев Берик Серикович', position: 'Индивидуальный предприниматель' },
  approvedAt: '2026-11-23T21:30:00Z',
  previousVersion: 2,
  note: null,
  entries: [
    {
      kind: 'person',
      staffId: 's1',
      fullName: 'Ахметова Динара Серикқызы',
      email: 'd@example.kz',
      position: 'главный бухгалтер',
      role: { id: 'accounting', name: 'Бухгалтерия' },
      purposes: [{ id: register.purposes[0]!.id, number: register.purposes[0]!.number, title: 'x' }],
      actions: ['чтение ПД', 'выгрузка ПД'],
      grantedFrom: '2026-11-25',
    },
    {
      kind: 'person',
      staffId: 's2',
      fullName: 'Жумабаев Ерлан Маратович',
      email: 'e@example.kz',
      position: null,
      role: { id: 'support', name: 'Поддержка' },
      purposes: [],
      actions: ['приём обращений'],
      grantedFrom: '2026-11-26',
    },
  ],
};

/** The text of a DOCX as Word shows it: each paragraph on its line. */
function docxText(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

const normalise = (text: string) => text.replace(/\s+/g, ' ');

/** The PDF's text in the order it is written (-raw): each table cell whole, not columns side by side. */
function pdfText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-raw', '-', '-'], { input: pdf });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr.toString()}`);
  return result.stdout.toString('utf8');
}

function render(paper: PaperId, lang: PaperLang, reg: Register = register, templatesDir?: string) {
  const view = buildPaperView(paper, lang, { register: reg, profile, accessList });
  return {
    view,
    docx: () => renderPaperDocx(paperTemplate(paper, lang, templatesDir), view),
    pdf: () => renderPaperPdf(paper, lang, view, { createdAt: new Date('2026-12-01T00:00:00Z') }),
  };
}

/** What each paper must show beside the operator: the purposes, or the people on the access list. */
function expectedContent(paper: PaperId, lang: PaperLang): string[] {
  if (paper === 'access-list')
    return ['Ахметова Динара Серикқызы', 'Жумабаев Ерлан Маратович', 'Бухгалтерия'];
  if (paper === 'order') return [register.operator.responsible_person.name];
  // Short purpose titles: pdftotext and table cells wrap long ones.
  return register.purposes.map((p) => (p.title[lang] ?? p.title.ru).split(' ').slice(0, 2).join(' '));
}

describe('internal papers', () => {
  for (const lang of ['ru', 'kk'] as const) {
    for (const paper of paperIds) {
      it(`${paper} (${lang}): the DOCX names the operator, BIN/IIN and ${paper === 'access-list' ? 'the people' : 'the purposes'}`, () => {
        const text = normalise(docxText(render(paper, lang).docx()));
        expect(text).toContain(register.operator.name[lang]!);
        expect(text).toContain(register.operator.bin_iin);
        for (const phrase of expectedContent(paper, lang)) expect(text).toContain(phrase);
        // Every tag was filled.
        expect(text).not.toMatch(/\{[#/]?[a-z_]+\}/);
        // The register has no order number or date of signing: blanks with a caption, never invented.
        expect(text).toContain(`${BLANK} (`);
        if (lang === 'kk') expect(text).toMatch(/[әғқңөұүһі]/);
      });

      it.skipIf(!pdftotextAvailable)(`${paper} (${lang}): the PDF says the same`, async () => {
        const pdf = await render(paper, lang).pdf();
        expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
        const text = normalise(pdfText(pdf));
        expect(text).toContain(register.operator.name[lang]!);
        expect(text).toContain(register.operator.bin_iin);
        for (const phrase of expectedContent(paper, lang)) expect(text).toContain(phrase);
        expect(text).toContain(`${BLANK} (`);
        if (lang === 'kk') expect(text).toMatch(/[әғқңөұүһі]/);
      });
    }
  }

  it('the order cites Art. 25 of Law 94-V and names the responsible person from the register', () => {
    const text = normalise(docxText(render('order', 'ru').docx()));
    expect(text).toContain('статьёй 25 Закона № 94-V');
    expect(text).toContain('smmpro.kz@gmail.com');
    expect(text).toContain('№ __________ (номер)');
  });

  it('a head the register does not name is a blank with its caption in both outputs', async () => {
    const noHead: Register = { ...register, operator: { ...register.operator, head: undefined } };
    const paper = render('order', 'ru', noHead);
    const docx = normalise(docxText(paper.docx()));
    expect(docx).toContain('__________ (ФИО руководителя)');
    expect(docx).toContain('__________ (должность руководителя)');
    if (pdftotextAvailable) {
      expect(normalise(pdfText(await paper.pdf()))).toContain('__________ (ФИО руководителя)');
    }
    const kk = normalise(docxText(render('order', 'kk', noHead).docx()));
    expect(kk).toContain('__________ (басшының ТАӘ)');
  });

  it('a person on the access list without a position gets a blank, not a guess', () => {
    const text = normalise(docxText(render('access-list', 'ru').docx()));
    expect(text).toContain('__________ (должность)');
    expect(text).toContain('главный бухгалтер');
    expect(text).toContain('24.11.2026'); // approved 21:30 UTC on the 23rd: the 24th in Almaty
  });
});

describe('replaced templates', () => {
  function folderWith(name: string, bytes: Buffer | string): string {
    const dir = mkdtempSync(join(tmpdir(), 'amanat-papers-'));
    mkdirSync(join(dir, 'papers'));
    writeFileSync(join(dir, 'papers', name), bytes);
    return dir;
  }

  /** The shipped order template with its document.xml changed. */
  function editedOrder(edit: (xml: string) => string): Buffer {
    const zip = new PizZip(readFileSync(paperTemplate('order', 'ru').file));
    zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
    return zip.generate({ type: 'nodebuffer' }) as Buffer;
  }

  function failure(dir: string): { code: string; message: string; paths: string[] } {
    try {
      render('order', 'ru', register, dir).docx();
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return { code: error.code, message: error.message, paths: error.issues.map((i) => i.path) };
    }
    throw new Error('the broken template rendered');
  }

  it("the operator's own template is used, with its letterhead", () => {
    const dir = folderWith(
      'order.ru.docx',
      editedOrder((xml) =>
        xml.replace('<w:body>', '<w:body><w:p><w:r><w:t>ООО «Бланк оператора»</w:t></w:r></w:p>'),
      ),
    );
    expect(paperTemplate('order', 'ru', dir).replaced).toBe(true);
    const text = normalise(docxText(render('order', 'ru', register, dir).docx()));
    expect(text).toContain('ООО «Бланк оператора»');
    expect(text).toContain(register.operator.bin_iin);
    // A paper the folder does not replace comes from the shipped templates.
    expect(paperTemplate('order', 'kk', dir).replaced).toBe(false);
  });

  const broken: [string, () => Buffer | string, RegExp][] = [
    ['not a zip', () => 'это не DOCX', /не DOCX-файл \(не ZIP-архив\)/],
    [
      'a zip without word/document.xml',
      () => {
        const zip = new PizZip();
        zip.file('readme.txt', 'hello');
        return zip.generate({ type: 'nodebuffer' }) as Buffer;
      },
      /нет word\/document\.xml/,
    ],
    [
      'bad tag syntax',
      () => editedOrder((xml) => xml.replace('{operator_name}', '{operator_name')),
      /ошибка в тегах/,
    ],
    [
      'an unknown tag',
      () => editedOrder((xml) => xml.replace('{operator_name}', '{operator_nmae}')),
      /неизвестный тег \/ unknown tag «operator_nmae»/,
    ],
  ];

  for (const [what, bytes, problem] of broken) {
    it(`${what}: template_invalid naming the file; the shipped template still renders`, () => {
      const dir = folderWith('order.ru.docx', bytes());
      const error = failure(dir);
      expect(error.code).toBe('template_invalid');
      expect(error.message).toContain('papers/order.ru.docx');
      expect(error.message).toContain('в папке шаблонов оператора');
      expect(error.message).toMatch(problem);
      expect(error.paths).toContain('papers/order.ru.docx');
      // The shipped default is untouched and renders.
      const text = normalise(docxText(render('order', 'ru').docx()));
      expect(text).toContain(register.operator.bin_iin);
    });
  }

  it('an unknown tag inside a table loop is named with its list', () => {
    const zip = new PizZip(readFileSync(paperTemplate('data-list', 'ru').file));
    zip.file(
      'word/document.xml',
      zip.file('word/document.xml')!.asText().replace('{retention}', '{retentoin}'),
    );
    const dir = mkdtempSync(join(tmpdir(), 'amanat-papers-'));
    mkdirSync(join(dir, 'papers'));
    writeFileSync(join(dir, 'papers', 'data-list.ru.docx'), zip.generate({ type: 'nodebuffer' }) as Buffer);
    const view = buildPaperView('data-list', 'ru', { register, profile });
    expect(() => renderPaperDocx(paperTemplate('data-list', 'ru', dir), view)).toThrow(
      /unknown tag «purposes\.retentoin»/,
    );
  });
});
