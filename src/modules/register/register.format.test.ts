import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../lib/paths.js';
import { formatRegister, renderTable, summarizeRegister, wrap } from './register.format.js';
import { loadRegisterFile } from './register.loader.js';

/** The text of one column of the purposes table, a cell per row, with its wrapped lines joined again. */
function column(rendered: string, index: number): string[] {
  const cells: string[] = [];
  let current: string[] = [];
  for (const line of rendered.split('\n')) {
    if (line.startsWith('├') || line.startsWith('└')) {
      cells.push(current.join(' '));
      current = [];
    } else if (line.startsWith('│')) {
      const part = line.split('│')[index + 1]!.trim();
      if (part) current.push(part);
    }
  }
  return cells.slice(1); // the first cell is the header
}

const example = loadRegisterFile(fromPackageRoot('examples', 'nextbot.kz', 'register.yaml')).register;

describe('register rendering', () => {
  it('wraps on spaces and breaks only words longer than the column', () => {
    expect(wrap('до отзыва согласия на обработку', 10)).toEqual(['до отзыва', 'согласия', 'на', 'обработку']);
    expect(wrap('автоматизированная', 8)).toEqual(['автомати', 'зированн', 'ая']);
  });

  it('draws a table no wider than asked', () => {
    const table = renderTable(['№', 'Цель'], [['1', 'Рассылки и информационные сообщения']], [0, 1], 20);
    expect(table.split('\n').every((line) => [...line].length <= 20)).toBe(true);
    expect(table).toContain('│ 1 │');
  });

  it('shows every purpose with its retention in words, and the other sections, in each language', () => {
    for (const [lang, width] of [
      ['ru', 120],
      ['kk', 100],
      ['en', 160],
    ] as const) {
      const text = formatRegister(example, lang, width);
      for (const line of text.split('\n').filter((l) => /^[┌│├└]/.test(l))) {
        expect([...line].length).toBeLessThanOrEqual(width);
      }
      for (let n = 1; n <= 10; n++) expect(text).toMatch(new RegExp(`│ ${n} +│`));
    }
    const ru = formatRegister(example, 'ru', 200);
    expect(ru).toContain('ИП Бекишев Берик Серикович (ИИН/БИН 941203351343)');
    expect(column(ru, 4)[4]).toBe(
      'что наступит раньше: в течение срока действия договора; до отзыва согласия',
    );
    expect(column(ru, 3)[9]).toBe('Фамилия; Имя; Фотоизображение');
    expect(ru).toContain('ПД, разрешённые для распространения (№10)');
    expect(ru).toContain('  - Фамилия: ограничения не установлены');
    expect(ru).toContain('(5) Передача необходима для осуществления правосудия');
    expect(ru).toContain('Трансграничная передача не осуществляется');
    expect(ru).toContain('прекращение обработки после отзыва согласия: 10 рабочих дней');
    const en = formatRegister(example, 'en', 200);
    expect(column(en, 4)[6]).toBe(
      'depending on the kind of analytics: analytics kept 14 months — 14 months from collection; analytics kept ' +
        '24 months — 24 months from collection (anonymised when retention ends)',
    );
    expect(en).toContain('No cross-border transfer');
  });

  it('summarises a valid register in one line, Russian first', () => {
    expect(summarizeRegister(example, 1)).toBe(
      'Реестр корректен: 11 целей, 22 поля, 6 категорий субъектов, 2 информационные системы; предупреждений: 1. / ' +
        'Register is valid: 11 purposes, 22 fields, 6 subject categories, 2 information systems; 1 warning.',
    );
  });
});
