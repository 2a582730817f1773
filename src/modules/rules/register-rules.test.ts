// The governing deadline's `rule` is what a subject, an operator's client and an inspector read as the basis of
// a deadline (API answers, obligations, letters): the policy's clause, the law's article, or the operator's
// commitment — never a server's file path or a profile's note.
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../lib/paths.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { loadRegisterFile } from '../register/register.loader.js';
import { createRegisterRules } from './register-rules.js';

const file = fromPackageRoot('examples', 'nextbot.kz', 'register.yaml');
const rules = createRegisterRules(loadRegisterFile(file).register, loadProfile('KZ'), file);

describe('governing deadline', () => {
  it("the operator's own deadline cites its policy clause, not the register's file", () => {
    const deadline = rules.governingDeadline('consent_withdrawal');
    expect(deadline).toEqual({
      amount: 10,
      unit: 'working_days',
      source: 'register',
      rule: 'Политика обработки персональных данных ИП Бекишев Берик Серикович, п. 3.4.1: срок, установленный оператором',
      clause: '3.4.1',
    });
    expect(deadline.rule).not.toContain(file);
    expect(deadline.rule).not.toContain('/');
  });

  it("a number the law ties to no article is stated as the operator's commitment, never with the profile's note", () => {
    const deadline = rules.governingDeadline('information_request');
    expect(deadline).toEqual({
      amount: 3,
      unit: 'working_days',
      source: 'register',
      rule:
        'Политика обработки персональных данных ИП Бекишев Берик Серикович (редакция 2025-01): срок, который ' +
        'оператор обязуется соблюдать',
    });
  });

  it("a number of the law cites the law's article and point", () => {
    expect(rules.governingDeadline('rectification')).toMatchObject({
      amount: 1,
      source: 'law',
      rule: expect.stringMatching(/^Закон РК № 94-V, ст\. 25 п\. 2 пп\. 8:/),
    });
  });
});
