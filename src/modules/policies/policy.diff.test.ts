// diffRegisters on copies of the example register with one edit each: the words a person reads (RU/KK/EN),
// which changes widen a consent-based purpose and which do not, and the order of the lines.
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../lib/paths.js';
import { loadRegisterFile } from '../register/register.loader.js';
import type { Purpose, Register, RetentionRule } from '../register/register.schema.js';
import { diffRegisters, widenedPurposes } from './policy.diff.js';
import { compareRetention, retentionLonger } from './policy.diff.retention.js';

const { register: example } = loadRegisterFile(fromPackageRoot('examples', 'nextbot.kz', 'register.yaml'));

/** A copy of the example register with `edit` applied. */
function edited(edit: (r: Register) => void): Register {
  const copy = structuredClone(example);
  edit(copy);
  return copy;
}

const purpose = (r: Register, id: string): Purpose => r.purposes.find((p) => p.id === id)!;
/** The consent-based purposes of the example: 7 (analytics, consent among its bases), 8, 9, 10 and the reserve. */
const consentPurposes = ['ux_analytics', 'mailing', 'events', 'testimonials', 'personnel_reserve'];

describe('diffRegisters', () => {
  it('finds nothing between a register and its copy', () => {
    expect(diffRegisters(example, structuredClone(example))).toEqual([]);
  });

  it('a field added to a consent purpose widens it, in words in three languages', () => {
    const after = edited((r) => purpose(r, 'mailing').fields.push('full_name'));
    const changes = diffRegisters(example, after);
    expect(changes).toEqual([
      {
        purposeId: 'mailing',
        area: 'data_list',
        kind: 'added',
        widens: true,
        text: {
          ru: 'Цель 8: в перечень данных добавлено «ФИО»',
          kk: '8-мақсат: деректер тізбесіне қосылды «Тегі, аты, әкесінің аты»',
          en: 'Purpose 8: data list adds «Full name»',
        },
        after: 'full_name',
      },
    ]);
    expect(widenedPurposes(changes)).toEqual(['mailing']);
  });

  it('a field removed narrows: no widening', () => {
    const after = edited((r) => {
      purpose(r, 'events').fields = ['full_name', 'email'];
    });
    const [change] = diffRegisters(example, after);
    expect(change).toMatchObject({ purposeId: 'events', kind: 'removed', widens: false });
    expect(change!.text.ru).toBe('Цель 9: из перечня данных исключено «Номер контактного телефона»');
  });

  it('a field added to a contract purpose is reported but widens nothing (no consent to renew)', () => {
    const after = edited((r) => purpose(r, 'support').fields.push('photo'));
    const changes = diffRegisters(example, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ purposeId: 'support', widens: false });
    expect(changes[0]!.text.ru).toBe('Цель 6: в перечень данных добавлено «Фотоизображение»');
  });

  it('a longer retention option widens, a shorter one does not; each option on its own line', () => {
    const rule = (months: number): RetentionRule => ({ kind: 'after_collection', duration: { months } });
    const setOption = (r: Register, id: string, months: number) => {
      const retention = purpose(r, 'ux_analytics').retention;
      if (retention.kind !== 'depends_on') throw new Error('purpose 7 chooses between periods');
      retention.options.find((o) => o.id === id)!.rule = rule(months);
    };
    const longer = diffRegisters(
      example,
      edited((r) => setOption(r, 'months_14', 24)),
    );
    expect(longer).toHaveLength(1);
    expect(longer[0]).toMatchObject({
      purposeId: 'ux_analytics',
      area: 'retention',
      kind: 'changed',
      widens: true,
    });
    expect(longer[0]!.text.ru).toMatch(
      /^Цель 7 \(.+\): срок хранения «14 месяцев с момента сбора» → «24 месяца с момента сбора»$/,
    );
    expect(longer[0]!.text.en).toContain('«14 months from collection» → «24 months from collection»');
    expect(longer[0]!.text.kk).toContain('«жиналған сәттен бастап 14 ай» → «жиналған сәттен бастап 24 ай»');

    const shorter = diffRegisters(
      example,
      edited((r) => setOption(r, 'months_24', 12)),
    );
    expect(shorter).toHaveLength(1);
    expect(shorter[0]).toMatchObject({ purposeId: 'ux_analytics', widens: false });
    expect(shorter[0]!.text.ru).toContain('«24 месяца с момента сбора» → «12 месяцев с момента сбора»');
  });

  it('«until withdrawn» against a period: a period becoming open-ended widens, the reverse narrows', () => {
    const period: RetentionRule = { kind: 'after_collection', duration: { years: 1 } };
    const toPeriod = edited((r) => {
      purpose(r, 'mailing').retention = period;
    });
    const narrowed = diffRegisters(example, toPeriod);
    expect(narrowed).toHaveLength(1);
    expect(narrowed[0]).toMatchObject({ purposeId: 'mailing', area: 'retention', widens: false });
    expect(narrowed[0]!.text.ru).toBe('Цель 8: срок хранения «до отзыва согласия» → «1 год с момента сбора»');
    const widened = diffRegisters(toPeriod, example);
    expect(widened[0]).toMatchObject({ purposeId: 'mailing', widens: true });
  });

  it('a new ground for transfer to third parties widens every consent-based purpose, each named', () => {
    const after = edited((r) =>
      r.disclosure_grounds.push({
        id: 'payment_provider',
        kind: 'prior_consent',
        text: {
          ru: 'Платёжному агенту «Пример Pay»',
          kk: '«Пример Pay» төлем агентіне',
          en: 'To the payment agent Example Pay',
        },
      }),
    );
    const changes = diffRegisters(example, after);
    const global = changes.filter((c) => c.purposeId === null);
    expect(global).toHaveLength(1);
    expect(global[0]!.text.ru).toBe(
      'Передача третьим лицам: добавлено основание передачи третьим лицам «Платёжному агенту «Пример Pay»»',
    );
    expect(global[0]!.widens).toBe(false);
    expect(widenedPurposes(changes).sort()).toEqual([...consentPurposes].sort());
    const mailing = changes.find((c) => c.purposeId === 'mailing')!;
    expect(mailing.text.ru).toBe(
      'Цель 8: добавлено основание передачи третьим лицам «Платёжному агенту «Пример Pay»»',
    );
    expect(changes.some((c) => c.purposeId === 'support')).toBe(false);
  });

  it('a ground removed is said once, register-wide; only a ground added is repeated per purpose', () => {
    const after = edited((r) => {
      r.disclosure_grounds = r.disclosure_grounds.filter((g) => g.id !== 'protection_of_rights');
      r.disclosure_grounds.push({ id: 'auditor', kind: 'legal_duty', text: { ru: 'Аудитору по закону' } });
    });
    const changes = diffRegisters(example, after);
    expect(changes.filter((c) => c.purposeId === null).map((c) => c.kind)).toEqual(['added', 'removed']);
    const perPurpose = changes.filter((c) => c.purposeId !== null);
    expect(perPurpose.every((c) => c.kind === 'added' && c.widens)).toBe(true);
    expect(perPurpose).toHaveLength(consentPurposes.length);
  });

  it('cross-border transfer newly allowed widens the consent-based purposes', () => {
    const after = edited((r) => {
      r.cross_border = { ...r.cross_border, allowed: true, countries: ['DE'] };
    });
    const changes = diffRegisters(example, after);
    expect(widenedPurposes(changes).sort()).toEqual([...consentPurposes].sort());
    const line = changes.find((c) => c.purposeId === 'events')!;
    expect(line.text.ru).toBe('Цель 9: трансграничная передача «запрещена» → «разрешена (DE)»');
    expect(line.text.en).toBe('Purpose 9: cross-border transfer «not allowed» → «allowed (DE)»');
    const global = changes.find((c) => c.purposeId === null)!;
    expect(global.text.ru).toBe('Политика: трансграничная передача «запрещена» → «разрешена (DE)»');
    // Forbidding it again narrows.
    expect(widenedPurposes(diffRegisters(after, example))).toEqual([]);
  });

  it('a purpose removed and one added are reported, neither widens an existing consent', () => {
    const after = edited((r) => {
      r.purposes = r.purposes.filter((p) => p.id !== 'representative_contracts');
      r.purposes.push({
        ...structuredClone(purpose(r, 'mailing')),
        id: 'surveys',
        number: 11,
        title: { ru: 'Опросы клиентов' },
      });
    });
    const changes = diffRegisters(example, after);
    expect(changes.map((c) => [c.purposeId, c.kind, c.widens])).toEqual([
      ['representative_contracts', 'removed', false],
      ['surveys', 'added', false],
    ]);
    expect(changes[0]!.text.ru).toMatch(/^Цель 3 исключена: «Заключение, исполнение/);
    expect(changes[1]!.text).toEqual({
      ru: 'Цель 11 добавлена: «Опросы клиентов»',
      kk: '11-мақсат қосылды: «Опросы клиентов»',
      en: 'Purpose 11 added: «Опросы клиентов»',
    });
  });

  it("the operator's address is not a widening, and comes before the purposes", () => {
    const after = edited((r) => {
      r.operator.address = { ru: 'г. Астана, пр. Мангилик Ел, 55', kk: 'Астана қ., Мәңгілік Ел д-лы, 55' };
      purpose(r, 'mailing').fields.push('full_name');
      purpose(r, 'client_site_access').processing = 'automated';
    });
    const changes = diffRegisters(example, after);
    expect(changes.map((c) => c.purposeId)).toEqual([null, 'client_site_access', 'mailing']);
    expect(changes[0]).toMatchObject({ area: 'operator', kind: 'changed', widens: false });
    expect(changes[0]!.text.ru).toBe(
      'Оператор: адрес «Республика Казахстан, г. Караганда, ул. Мустафина 5/1, 60» → «г. Астана, пр. Мангилик Ел, 55»',
    );
    // English has no translation of the new address: the Russian text stands in.
    expect(changes[0]!.text.en).toContain('→ «г. Астана, пр. Мангилик Ел, 55»');
    expect(changes[1]!.text.ru).toBe('Цель 4: вид обработки «Смешанная» → «Автоматизированная»');
  });

  it('a new kind of processing widens a consent purpose; the postal address for requests does not', () => {
    const after = edited((r) => {
      purpose(r, 'mailing').processing = 'mixed';
      r.requests.postal_address = { ru: 'г. Караганда, а/я 17' };
    });
    const changes = diffRegisters(example, after);
    expect(changes.map((c) => [c.purposeId, c.area, c.widens])).toEqual([
      [null, 'addresses', false],
      ['mailing', 'processing', true],
    ]);
    expect(changes[0]!.text.ru).toBe(
      'Адреса для обращений: почтовый адрес для обращений «Республика Казахстан, г. Караганда, ул. Мустафина 5/1, 60» → «г. Караганда, а/я 17»',
    );
  });

  it('publication of one more field widens the publication purpose; a restriction added does not', () => {
    const more = edited((r) => r.publication!.fields.push({ field: 'workplace', restrictions: [] }));
    const [added] = diffRegisters(example, more);
    expect(added).toMatchObject({
      purposeId: 'testimonials',
      area: 'publication',
      kind: 'added',
      widens: true,
    });
    expect(added!.text.ru).toBe('Цель 10: разрешено распространение данных «Место работы»');
    const restricted = edited((r) => {
      r.publication!.fields[2]!.restrictions = [{ ru: 'только на Сайте' }];
    });
    const [restriction] = diffRegisters(example, restricted);
    expect(restriction).toMatchObject({ purposeId: 'testimonials', kind: 'added', widens: false });
    expect(restriction!.text.ru).toBe(
      'Цель 10, «Фотоизображение»: добавлено ограничение распространения «только на Сайте»',
    );
    // Lifting it again widens.
    expect(diffRegisters(restricted, example)[0]).toMatchObject({ kind: 'removed', widens: true });
  });

  it('renamed data, changed legal basis wording and cookies are reported register-wide, not widening', () => {
    const after = edited((r) => {
      r.fields.find((f) => f.id === 'phone')!.labels.ru = 'Телефон';
      purpose(r, 'mailing').legal_bases[0]!.reference = 'Согласие субъекта (ст. 7 Закона РК № 94-V)';
      r.cookies!.categories[1]!.purposes.push('mailing');
    });
    const changes = diffRegisters(example, after);
    expect(changes.every((c) => !c.widens)).toBe(true);
    expect(changes.map((c) => c.text.ru)).toEqual([
      'Цель 8: правовое основание «Согласие субъекта на обработку ПД, в соответствии с требованиями Закона о персональных данных.» → «Согласие субъекта (ст. 7 Закона РК № 94-V)»',
      'Перечень данных, «Номер контактного телефона»: наименование данных «Номер контактного телефона» → «Телефон»',
      'Файлы cookie, «Аналитические»: категория используется для цели «Цель 8»',
    ]);
  });

  it('reports the banner’s cookies, services and GPC refusal of a category', () => {
    const after = edited((r) => {
      const marketing = r.cookies!.categories[2]!;
      marketing.cookies.push({
        name: '_fbp',
        provider: 'Meta',
        lifetime: { days: 90 },
        description: { ru: 'Пиксель' },
      });
      marketing.vendors = marketing.vendors.filter((v) => v !== 'vk_pixel');
      marketing.gpc = false;
    });
    expect(diffRegisters(example, after).map((c) => c.text.ru)).toEqual([
      'Файлы cookie, «Маркетинговые»: добавлен файл cookie «_fbp»',
      'Файлы cookie, «Маркетинговые»: исключён сервис «vk_pixel»',
      'Файлы cookie, «Маркетинговые»: отказ по сигналу Global Privacy Control «да» → «нет»',
    ]);
  });
});

describe('retention lengths', () => {
  const period = (months: number): RetentionRule => ({ kind: 'after_collection', duration: { months } });
  const withdrawal: RetentionRule = { kind: 'until_consent_withdrawal' };

  it('orders periods, open-ended events and liquidation', () => {
    expect(compareRetention(period(14), period(24))).toBe('longer');
    expect(compareRetention(period(24), { kind: 'after_collection', duration: { years: 2 } })).toBe(
      'shorter',
    );
    expect(compareRetention(period(24), withdrawal)).toBe('longer');
    expect(compareRetention(withdrawal, period(24))).toBe('shorter');
    expect(compareRetention(withdrawal, { kind: 'until_purpose_achieved' })).toBe('same');
    expect(compareRetention(withdrawal, { kind: 'until_liquidation' })).toBe('longer');
    expect(
      compareRetention({ kind: 'contract_period' }, { kind: 'contract_period', after_end: { years: 5 } }),
    ).toBe('longer');
  });

  it('«whichever comes first» lasts as its shortest branch: adding a branch never lengthens', () => {
    const first: RetentionRule = { kind: 'first_of', rules: [withdrawal, period(12)] };
    expect(compareRetention(withdrawal, first)).toBe('shorter');
    expect(retentionLonger(first, withdrawal)).toBe(true);
  });

  it('a fixed date against a period cannot be compared: it counts as longer', () => {
    expect(compareRetention(period(12), { kind: 'fixed_date', date: '2030-01-01' })).toBe('incomparable');
    expect(retentionLonger(period(12), { kind: 'fixed_date', date: '2030-01-01' })).toBe(true);
    expect(
      retentionLonger({ kind: 'fixed_date', date: '2030-01-01' }, { kind: 'fixed_date', date: '2029-01-01' }),
    ).toBe(false);
  });
});
