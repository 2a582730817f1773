import { describe, expect, it } from 'vitest';
import { pdfText, pdftotextAvailable } from '../../../test/support/pdf.js';
import { renderDestructionActPdf } from './destruction-act.pdf.js';
import type { DestructionActData } from './destruction-act.types.js';

const timeZone = 'Asia/Almaty';

function sweepAct(): DestructionActData {
  return {
    id: '7f1c2a4e-0b7d-4c1e-9a55-3d2f8e6b1a90',
    lang: 'ru',
    number: 12,
    kind: 'sweep',
    date: '2025-03-14',
    completedAt: '2025-03-14T04:30:00Z',
    operator: {
      name: 'ТОО «Nextbot»',
      binIin: '210540012345',
      address: 'г. Алматы, пр. Абая, д. 10, офис 5',
    },
    processors: [],
    subjects: {
      count: 2,
      categories: [{ id: 'customers', title: 'Клиенты' }],
    },
    dataCategories: [
      { id: 'email', label: 'Адрес электронной почты', values: 2 },
      { id: 'ip', label: 'IP-адрес', values: 3 },
    ],
    purposes: [{ id: 'newsletter', number: 7, title: 'Рассылка новостей' }],
    informationSystems: [{ id: 'crm', name: 'CRM Nextbot' }],
    method: 'криптографическое уничтожение ключа',
    reasons: [
      { code: 'retention_expired', text: 'истёк срок хранения', values: 4 },
      { code: 'consent_withdrawn', text: 'отзыв согласия', values: 1 },
    ],
    performedBy: [{ name: 'Бекишев Берик Серикович', position: 'Директор', role: 'responsible' }],
    keepYears: 3,
    basis: 'Закон Республики Казахстан от 21 мая 2013 года № 94-V, ст. 1 подп. 6)',
    log: {
      entries: 2,
      firstSeq: 101,
      lastSeq: 102,
      lines: [
        {
          seq: 101,
          at: '2025-03-14T04:29:10Z',
          subjectId: 'subj-0001',
          fields: [
            { id: 'email', label: 'Адрес электронной почты' },
            { id: 'ip', label: 'IP-адрес' },
          ],
          informationSystems: ['CRM Nextbot'],
          reason: 'истёк срок хранения (цель 7)',
          outcome: 'destroyed',
        },
        {
          seq: 102,
          at: '2025-03-14T04:29:11Z',
          subjectId: 'subj-0002',
          fields: [
            { id: 'city', label: 'Қала' },
            { id: 'ip', label: 'IP-адрес' },
          ],
          informationSystems: ['CRM Nextbot'],
          reason: 'отзыв согласия',
          outcome: 'anonymised',
        },
      ],
      truncated: false,
    },
  };
}

describe('destruction act PDF', () => {
  it('is a PDF', async () => {
    const pdf = await renderDestructionActPdf(sweepAct(), timeZone);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });

  it.skipIf(!pdftotextAvailable)('holds the fields the act requires and the log extract', async () => {
    const text = pdfText(await renderDestructionActPdf(sweepAct(), timeZone));
    for (const phrase of [
      'Акт № 12 об уничтожении персональных данных',
      'ТОО «Nextbot»',
      '210540012345',
      'г. Алматы, пр. Абая, д. 10, офис 5',
      'привлекался',
      'Адрес электронной почты',
      'IP-адрес',
      'CRM Nextbot',
      'криптографическое уничтожение ключа',
      'истёк срок хранения',
      'отзыв согласия',
      '14.03.2025',
      'Бекишев Берик Серикович',
      '(подпись)',
      'Выписка из журнала событий',
      '101–102',
      'subj-0001',
      'subj-0002',
      'Қала',
      'уничтожено',
      'обезличено',
      'Акт и выписка из журнала хранятся 3 года.',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain('/api/retention/acts/');
  });

  it.skipIf(!pdftotextAvailable)('a paper act names the media and the page count', async () => {
    const act: DestructionActData = {
      ...sweepAct(),
      kind: 'paper',
      subjects: { count: 1, categories: [{ id: 'customers', title: 'Клиенты' }], ids: ['subj-0003'] },
      paper: { media: 'анкеты клиентов', pages: 14 },
      method: 'измельчение в шредере',
      performedBy: [{ name: 'Иванова Анна Сергеевна', position: 'офис-менеджер' }],
      request: { number: 5, receivedDate: '2025-03-01' },
    };
    const text = pdfText(await renderDestructionActPdf(act, timeZone));
    expect(text).toContain('уничтожение бумажных носителей');
    expect(text).toContain('анкеты клиентов');
    expect(text).toMatch(/анкеты клиентов\s+14/);
    expect(text).toContain('subj-0003');
    expect(text).toMatch(/Иванова Анна Сергеевна\s+офис-менеджер/);
    expect(text).toContain('Обращение № 5 от 01.03.2025');
  });

  it.skipIf(!pdftotextAvailable)('a truncated extract points to the full one in the API', async () => {
    const act = sweepAct();
    act.log = { ...act.log, entries: 5000, firstSeq: 101, lastSeq: 5100, truncated: true };
    const text = pdfText(await renderDestructionActPdf(act, timeZone));
    expect(text).toContain('первые 2 из 5000 записей');
    expect(text).toContain(`GET /api/retention/acts/${act.id}/log`);
  });
});
