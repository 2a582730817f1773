import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pdfText, pdftotextAvailable } from '../../../test/support/pdf.js';
import { renderAccessListPdf } from './access-list.pdf.js';
import type { AccessListDocument, AccessListEntry } from './access-list.types.js';

const timeZone = 'Asia/Almaty';

const people: [string, string | null, string][] = [
  ['Ахметова Динара Серикқызы', 'главный бухгалтер', 'Бухгалтерия'],
  ['Иванов Пётр Сергеевич', 'менеджер по работе с клиентами', 'Продажи'],
  ['Жумабаев Ерлан Маратович', null, 'Администратор системы'],
];

function entry(n: number): AccessListEntry {
  const [fullName, position, roleName] = people[n % people.length]!;
  return {
    kind: 'person',
    staffId: `staff-${n}`,
    fullName: n < people.length ? fullName : `${fullName} (${n + 1})`,
    email: `staff${n}@example.kz`,
    position,
    role: { id: `role-${n % people.length}`, name: roleName },
    purposes: [
      { id: 'contracts', number: 1, title: 'Заключение и исполнение договоров с клиентами' },
      { id: 'payroll', number: 3, title: 'Начисление заработной платы и кадровый учёт работников' },
      { id: 'newsletter', title: 'Рассылка новостей' },
    ],
    actions: ['просмотр', 'исправление', 'блокирование', 'выгрузка', 'ответы на обращения субъектов'],
    grantedFrom: '2026-11-25',
  };
}

function approvedList(entries = people.length): AccessListDocument {
  return {
    id: '5b0e7c1a-2f3d-4a6b-9c8d-1e2f3a4b5c6d',
    version: 3,
    status: 'approved',
    operator: {
      name: 'ТОО «Nextbot»',
      binIin: '210540012345',
      address: 'г. Алматы, пр. Абая, д. 10, офис 5',
    },
    proposedBy: { name: 'Смирнова Ольга Викторовна', position: 'специалист по защите данных' },
    proposedAt: '2026-11-20T06:00:00Z',
    approvedBy: { name: 'Бекишев Айдар Нурланович', position: 'директор' },
    // 21:30 UTC on the 23rd is already the 24th in Almaty (UTC+5).
    approvedAt: '2026-11-23T21:30:00Z',
    previousVersion: 2,
    note: null,
    entries: Array.from({ length: entries }, (_, n) => entry(n)),
  };
}

function draftList(): AccessListDocument {
  return {
    ...approvedList(),
    version: 4,
    status: 'proposed',
    approvedBy: null,
    approvedAt: null,
    previousVersion: 3,
  };
}

function pageCount(pdf: Buffer): number {
  const info = spawnSync('pdfinfo', ['-'], { input: pdf });
  if (info.error === undefined && info.status === 0) {
    const match = /^Pages:\s+(\d+)/m.exec(info.stdout.toString());
    if (match) return Number(match[1]);
  }
  // No pdfinfo: pdftotext ends each page with a form feed.
  return (pdfText(pdf).match(/\f/g) ?? []).length;
}

describe('access list PDF', () => {
  it('is a PDF with a Russian title and the document date', async () => {
    const pdf = await renderAccessListPdf(approvedList(), timeZone);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    // The creation date is the approval instant (pdfkit writes it as an indirect string object).
    expect(pdf.toString('latin1')).toContain('(D:20261123213000Z)');
  });

  it.skipIf(!pdftotextAvailable)(
    'an approved version names the approver, the date and every person',
    async () => {
      const text = pdfText(await renderAccessListPdf(approvedList(), timeZone));
      for (const phrase of [
        'Перечень лиц, доступ которых к персональным данным',
        'служебных (трудовых) обязанностей',
        'версия 3',
        'ТОО «Nextbot»',
        '210540012345',
        'г. Алматы, пр. Абая, д. 10, офис 5',
        'УТВЕРЖДАЮ',
        'Бекишев Айдар Нурланович',
        '24.11.2026',
        'Ахметова Динара Серикқызы',
        'Иванов Пётр Сергеевич',
        'Жумабаев Ерлан Маратович',
        'главный бухгалтер',
        'Бухгалтерия',
        'Заключение и исполнение',
        'Рассылка новостей',
        'просмотр',
        '25.11.2026',
        'Подготовил: Смирнова Ольга Викторовна, специалист по защите данных, 20.11.2026',
        'Утвердил: Бекишев Айдар Нурланович, директор, 24.11.2026',
        'Заменяет версию 2',
      ]) {
        expect(text).toContain(phrase);
      }
      expect(text).not.toContain('ПРОЕКТ');
    },
  );

  it.skipIf(!pdftotextAvailable)('a version not yet approved is marked as a draft', async () => {
    const text = pdfText(await renderAccessListPdf(draftList(), timeZone));
    expect(text).toContain('ПРОЕКТ — не утверждён');
    expect(text).toContain('версия 4');
    expect(text).toContain('Заменяет версию 3');
    expect(text).not.toContain('УТВЕРЖДАЮ');
    expect(text).not.toContain('Бекишев');
    expect(text).toContain('Иванов Пётр Сергеевич');
  });

  it.skipIf(!pdftotextAvailable)('sixty entries flow onto further pages and none is lost', async () => {
    const pdf = await renderAccessListPdf(approvedList(60), timeZone);
    expect(pageCount(pdf)).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain('(60)');
    expect(text).toContain('Всего лиц: 60');
    // Column headers are repeated on every page of the table.
    expect((text.match(/Должность/g) ?? []).length).toBeGreaterThan(1);
  });

  it.skipIf(!pdftotextAvailable)('an entry taller than a page is written as a flowing block', async () => {
    const list = approvedList(2);
    list.entries[1]!.purposes = Array.from({ length: 80 }, (_, i) => ({
      id: `p${i}`,
      number: i + 1,
      title: `Цель обработки номер ${i + 1}`,
    }));
    const text = pdfText(await renderAccessListPdf(list, timeZone));
    expect(text).toContain('Цель обработки номер 1;');
    expect(text).toContain('Цель обработки номер 80');
    expect(text).toContain('Утвердил: Бекишев Айдар Нурланович');
  });

  it.skipIf(!pdftotextAvailable)(
    'in Kazakh: the title, the columns, the approval and the signatures',
    async () => {
      const list = approvedList();
      list.operator = {
        ...list.operator,
        name: 'ЖШС «Nextbot»',
        address: 'Алматы қ., Абай д-лы, 10-үй, 5-кеңсе',
      };
      list.entries[0]!.purposes = [
        { id: 'contracts', number: 1, title: 'Клиенттермен шарттар жасасу және орындау' },
      ];
      list.entries[0]!.actions = ['ДД оқу', 'ДД нақтылау'];
      const text = pdfText(await renderAccessListPdf(list, timeZone, 'kk')).replace(/\s+/g, ' ');
      for (const phrase of [
        'Дербес деректерге қол жеткізу қызметтік (еңбек) міндеттерін орындау үшін қажет тұлғалардың тізбесі',
        '3-нұсқа',
        'ЖШС «Nextbot»',
        'БСН/ЖСН: 210540012345',
        'Алматы қ., Абай д-лы, 10-үй, 5-кеңсе',
        'БЕКІТЕМІН',
        'Лауазымы',
        'Рөлі',
        // Cells wrap: each header and purpose is looked for by its first line.
        'Өңдеу мақсаттары',
        'Дербес деректермен',
        'Қол жеткізу',
        '1. Клиенттермен шарттар жасасу',
        'ДД оқу, ДД нақтылау',
        'Ахметова Динара Серикқызы',
        'Барлық тұлғалар саны: 3',
        '2-нұсқаның орнына',
        'Дайындаған: Смирнова Ольга Викторовна, специалист по защите данных, 20.11.2026',
        'Бекіткен: Бекишев Айдар Нурланович, директор, 24.11.2026',
        '1 беттің 1-беті',
      ]) {
        expect(text).toContain(phrase);
      }
      expect(text).not.toMatch(/УТВЕРЖДАЮ|Должность|Всего лиц|Подготовил|стр\. 1/);
      const draft = pdfText(await renderAccessListPdf(draftList(), timeZone, 'kk'));
      expect(draft).toContain('ЖОБА — бекітілмеген');
      expect(draft).toContain('Бекіткен: ____________ (тізбе бекітілмеген)');
    },
  );
});
