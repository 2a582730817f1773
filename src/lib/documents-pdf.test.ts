// The one PDF engine: what long documents need from it, read back through pdftotext — table headers repeated
// on every page, rows never split, "стр. N из M" on each page, a table of contents with the right pages, the
// Kazakh letters in DejaVu Sans — and that a document cannot make the server fetch a URL.
import { describe, expect, it } from 'vitest';
import { pdfText, pdftotextAvailable } from '../../test/support/pdf.js';
import { type Content, pdfHeading, pdfTable, pdfToc, renderPdf } from './documents-pdf.js';

const KAZAKH = 'ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І';
const ROWS = 90;

function longDocument(): Content[] {
  const rows = Array.from({ length: ROWS }, (_, i) => [
    String(i + 1),
    `Жол ${i + 1}: ${KAZAKH}\nпродолжение строки ${i + 1}\nи ещё одна строка ${i + 1}`,
  ]);
  return [
    pdfHeading('Длинный документ', 1),
    pdfToc('Содержание'),
    pdfHeading('Раздел первый', 2, { toc: true }),
    pdfTable({ header: [['№', 'Мәтін (заголовок)']], rows, widths: [1, 9] }),
    pdfHeading('Раздел второй', 2, { toc: true }),
    { text: 'Конец.' },
  ];
}

describe.skipIf(!pdftotextAvailable)('the documents PDF engine', async () => {
  const text = pdfText(await renderPdf({ title: 'Длинный документ', lang: 'ru', content: longDocument() }));
  const pages = text.split('\f').filter((page) => page.trim() !== '');
  const pageOf = (phrase: string, from = 0) => pages.findIndex((p, i) => i >= from && p.includes(phrase));

  it('numbers every page "стр. N из M"', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const [i, page] of pages.entries()) expect(page).toContain(`стр. ${i + 1} из ${pages.length}`);
  });

  it('repeats the table header on every page the table runs over, and never splits a row', () => {
    const first = pageOf('Жол 1:');
    const last = pageOf(`Жол ${ROWS}:`);
    expect(last).toBeGreaterThan(first + 1);
    for (let p = first; p <= last; p++) expect(pages[p], `page ${p + 1}`).toContain('Мәтін (заголовок)');
    // A row's three lines are on the page where the row starts (the numbers end at a non-digit: 1 ≠ 10).
    for (let n = 1; n <= ROWS; n++) {
      const start = pageOf(`Жол ${n}:`);
      expect(pages[start], `row ${n}`).toMatch(new RegExp(`продолжение строки ${n}(?!\\d)`));
      expect(pages[start], `row ${n}`).toMatch(new RegExp(`и ещё одна строка ${n}(?!\\d)`));
    }
  });

  it('lists the sections with the pages they start on', () => {
    const tocPage = pages[0]!;
    const second = pageOf('Раздел второй', 1);
    expect(second).toBeGreaterThan(1);
    expect(tocPage).toMatch(/Раздел первый \d+/);
    expect(tocPage).toMatch(new RegExp(`Раздел второй ${second + 1}\\b`));
  });

  it('renders the Kazakh letters (DejaVu Sans)', () => {
    expect(text).toContain(KAZAKH);
  });

  it('labels pages in the document language', async () => {
    const kk = pdfText(await renderPdf({ title: 'Құжат', lang: 'kk', content: [{ text: 'Мәтін' }] }));
    expect(kk).toContain('1 беттің 1-беті');
    const en = pdfText(await renderPdf({ title: 'Doc', lang: 'en', content: [{ text: 'Text' }] }));
    expect(en).toContain('page 1 of 1');
  });
});

describe('the documents PDF engine, without pdftotext', () => {
  it('refuses to fetch an image a document names by URL, or to read it from disk', async () => {
    await expect(
      renderPdf({ title: 'x', lang: 'ru', content: [{ image: 'https://example.com/x.png' } as Content] }),
    ).rejects.toThrow(/denied|policy/i);
    await expect(
      renderPdf({ title: 'x', lang: 'ru', content: [{ image: '/etc/passwd' } as Content] }),
    ).rejects.toThrow();
  });

  it('writes the same bytes for the same document and creation date (published documents are hashed)', async () => {
    const createdAt = new Date('2026-01-01T00:00:00Z');
    const a = await renderPdf({ title: 'x', lang: 'ru', content: [{ text: 'Мәтін' }], createdAt });
    const b = await renderPdf({ title: 'x', lang: 'ru', content: [{ text: 'Мәтін' }], createdAt });
    expect(a.equals(b)).toBe(true);
  });
});
