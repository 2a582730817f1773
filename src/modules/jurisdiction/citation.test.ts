// Citations of the law in the letter's language, from the Russian form the profiles write them in.
import { describe, expect, it } from 'vitest';
import { citeArticle, localizeCitation } from './citation.js';
import { jurisdictionProfile } from './profile.schema.js';
import { loadProfile } from './profiles.js';

const kz = loadProfile('KZ').subject_rights!;
const ru = loadProfile('RU').subject_rights!;

describe('citations in the reader’s language', () => {
  it('KZ: article, point and subpoint in Russian, Kazakh and English', () => {
    expect(citeArticle(kz, 'ст. 24 п. 1 пп. 2', 'ru')).toBe('Закон РК № 94-V, ст. 24 п. 1 пп. 2');
    expect(citeArticle(kz, 'ст. 24 п. 1 пп. 2', 'kk')).toBe(
      'ҚР № 94-V Заңының 24-бабының 1-тармағының 2) тармақшасы',
    );
    expect(citeArticle(kz, 'ст. 8 п. 7', 'kk')).toBe('ҚР № 94-V Заңының 8-бабының 7-тармағы');
    expect(citeArticle(kz, 'ст. 19-1', 'kk')).toBe('ҚР № 94-V Заңының 19-1-бабы');
    expect(citeArticle(kz, 'ст. 24 п. 1 пп. 2', 'en')).toBe(
      'Law of the Republic of Kazakhstan No. 94-V, Art. 24(1)(2)',
    );
  });

  it('RU: parts (ч.) of 152-FZ', () => {
    expect(citeArticle(ru, 'ст. 17 ч. 1', 'ru')).toBe('152-ФЗ, ст. 17 ч. 1');
    expect(citeArticle(ru, 'ст. 17 ч. 1', 'kk')).toBe('№ 152-ФЗ Федералдық заңының 17-бабының 1-бөлігі');
  });

  it('a deadline rule’s citation is localised; one naming several articles stays as written', () => {
    expect(localizeCitation(kz, 'Закон РК № 94-V, ст. 25 п. 2 пп. 8', 'kk')).toBe(
      'ҚР № 94-V Заңының 25-бабының 2-тармағының 8) тармақшасы',
    );
    expect(localizeCitation(ru, '152-ФЗ, ст. 14 и ст. 20', 'kk')).toBe('152-ФЗ, ст. 14 и ст. 20');
    expect(localizeCitation(undefined, 'Закон РК № 94-V, ст. 25', 'kk')).toBe('Закон РК № 94-V, ст. 25');
  });

  it('a profile whose right cites no article in the expected form is refused, naming the path', () => {
    const raw = { ...loadProfile('KZ') } as Record<string, unknown>;
    raw.subject_rights = { ...kz, by_request: { information: 'статья 24' } };
    const result = jurisdictionProfile.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['subject_rights', 'by_request', 'information']);
    expect(result.error!.issues[0]!.message).toContain('ст. N п. N');
  });
});
