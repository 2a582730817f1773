// The letter states the request's deadline with its basis: the law's article, or the operator's commitment
// under its policy — never a profile's note such as "a common reading, not checked against the law".
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../lib/paths.js';
import type { DeadlineKind } from '../jurisdiction/profile.schema.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { loadRegisterFile } from '../register/register.loader.js';
import { createRegisterRules } from '../rules/register-rules.js';
import { deadlineStatement } from './request.letter.js';
import type { RequestSummary } from './request.service.js';

const file = fromPackageRoot('examples', 'nextbot.kz', 'register.yaml');
const rules = createRegisterRules(loadRegisterFile(file).register, loadProfile('KZ'), file);
const request = (kind: DeadlineKind) =>
  ({ dueDate: '2026-03-25', deadline: rules.governingDeadline(kind) }) as unknown as RequestSummary;

describe('the deadline in the letter', () => {
  it("a number the law ties to no article is the operator's commitment under its policy, in each language", () => {
    expect(deadlineStatement(rules, request('information_request'), 'ru')).toBe(
      'Срок ответа — до 25.03.2026: срок, который оператор обязуется соблюдать (Политика обработки персональных ' +
        'данных ИП Бекишев Берик Серикович, редакция 2025-01).',
    );
    expect(deadlineStatement(rules, request('information_request'), 'kk')).toBe(
      'Жауап беру мерзімі — 25.03.2026 дейін: оператор сақтауға міндеттенетін мерзім (ЖК Бекишев Берик Серикович ' +
        'дербес деректерді өңдеу саясаты, 2025-01 редакциясы).',
    );
    for (const lang of ['ru', 'kk', 'en'] as const) {
      expect(deadlineStatement(rules, request('access_request'), lang)).not.toMatch(
        /толкование|не сверено|дайджест/,
      );
    }
  });

  it("the operator's own deadline cites its policy clause", () => {
    expect(deadlineStatement(rules, request('consent_withdrawal'), 'en')).toBe(
      "The answer is due by 25.03.2026: a deadline the operator commits to (Individual Entrepreneur Berik Bekishev's " +
        'personal data processing policy, clause 3.4.1).',
    );
  });

  it("the law's number cites the article and point", () => {
    expect(deadlineStatement(rules, request('rectification'), 'ru')).toBe(
      'Срок ответа — до 25.03.2026 (Закон РК № 94-V, ст. 25 п. 2 пп. 8).',
    );
  });
});
