import { describe, expect, it } from 'vitest';
import {
  describeDuration,
  describeRetention,
  pluralRu,
  retentionAlwaysEnds,
  retentionUses,
  walkRetention,
} from './register.retention.js';
import type { RetentionRule } from './register.schema.js';

const contractOrWithdrawal: RetentionRule = {
  kind: 'first_of',
  rules: [{ kind: 'contract_period' }, { kind: 'until_consent_withdrawal' }],
};

const bySubjectMatter: RetentionRule = {
  kind: 'depends_on',
  criterion: { ru: 'предмета договора', kk: 'шарттың нысанасына', en: 'the subject matter of the contract' },
  options: [
    {
      id: 'years_5',
      label: { ru: 'поставка', kk: 'жеткізу', en: 'supply' },
      rule: { kind: 'contract_period', after_end: { years: 5 } },
    },
    { id: 'forever', label: { ru: 'учредительные' }, rule: { kind: 'until_liquidation' } },
  ],
};

describe('retention rules', () => {
  it('plural forms of Russian nouns after numerals', () => {
    const years = (n: number) => pluralRu(n, 'год', 'года', 'лет');
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 50, 101].map(years)).toEqual([
      'год',
      'года',
      'лет',
      'лет',
      'лет',
      'лет',
      'год',
      'года',
      'лет',
      'лет',
      'год',
    ]);
  });

  it('durations in three languages', () => {
    expect(describeDuration({ years: 1, months: 6 }, 'ru')).toBe('1 год 6 месяцев');
    expect(describeDuration({ months: 24 }, 'ru')).toBe('24 месяца');
    expect(describeDuration({ days: 21 }, 'ru')).toBe('21 день');
    expect(describeDuration({ months: 14 }, 'kk')).toBe('14 ай');
    expect(describeDuration({ years: 1, days: 2 }, 'en')).toBe('1 year 2 days');
  });

  it('describes leaves and branches in words', () => {
    expect(describeRetention({ kind: 'until_liquidation' }, 'ru')).toBe('до ликвидации оператора');
    expect(describeRetention({ kind: 'contract_period', after_end: { years: 5 } }, 'ru')).toBe(
      'в течение срока действия договора и 5 лет после его окончания',
    );
    expect(describeRetention(contractOrWithdrawal, 'ru')).toBe(
      'что наступит раньше: в течение срока действия договора; до отзыва согласия',
    );
    expect(describeRetention(contractOrWithdrawal, 'en')).toBe(
      'whichever comes first: for the term of the contract; until consent is withdrawn',
    );
    expect(describeRetention(contractOrWithdrawal, 'kk')).toBe(
      'қайсысы бұрын болса: шарттың қолданылу мерзімі ішінде; келісім кері қайтарып алынғанға дейін',
    );
    expect(describeRetention({ kind: 'after_collection', duration: { months: 14 } }, 'en')).toBe(
      '14 months from collection',
    );
    expect(describeRetention({ kind: 'fixed_date', date: '2030-01-01' }, 'ru')).toBe('до 2030-01-01');
  });

  it('depends_on names its criterion and options; a missing translation falls back to Russian', () => {
    expect(describeRetention(bySubjectMatter, 'en')).toBe(
      'depending on the subject matter of the contract: supply — for the term of the contract and 5 years after it ends; ' +
        'учредительные — until the operator is liquidated',
    );
    expect(describeRetention(bySubjectMatter, 'kk')).toMatch(/^шарттың нысанасына байланысты: жеткізу — /);
  });

  it('brackets a branch nested in a branch', () => {
    const nested: RetentionRule = {
      kind: 'first_of',
      rules: [bySubjectMatter, { kind: 'until_purpose_achieved' }],
    };
    expect(describeRetention(nested, 'ru')).toBe(
      'что наступит раньше: (в зависимости от предмета договора: поставка — в течение срока действия договора и ' +
        '5 лет после его окончания; учредительные — до ликвидации оператора); до достижения цели обработки',
    );
  });

  it('walks the tree with paths, and knows which rules always end before liquidation', () => {
    expect([...walkRetention(bySubjectMatter, ['retention'])].map((n) => n.path.join('.'))).toEqual([
      'retention',
      'retention.options.0.rule',
      'retention.options.1.rule',
    ]);
    expect(retentionUses(contractOrWithdrawal, 'until_consent_withdrawal')).toBe(true);
    expect(retentionUses(bySubjectMatter, 'until_consent_withdrawal')).toBe(false);
    expect(retentionAlwaysEnds(contractOrWithdrawal)).toBe(true);
    expect(retentionAlwaysEnds(bySubjectMatter)).toBe(false);
    expect(
      retentionAlwaysEnds({
        kind: 'first_of',
        rules: [bySubjectMatter, { kind: 'until_consent_withdrawal' }],
      }),
    ).toBe(true);
  });
});
