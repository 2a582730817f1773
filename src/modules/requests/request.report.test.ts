// The access report (and the letter built from it) words each legal basis in the subject's language.
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../lib/paths.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { loadRegisterFile } from '../register/register.loader.js';
import { createRegisterRules } from '../rules/register-rules.js';
import { buildAccessReport } from './request.report.js';
import type { RequestSummary } from './request.service.js';

const file = fromPackageRoot('examples', 'nextbot.kz', 'register.yaml');
const rules = createRegisterRules(loadRegisterFile(file).register, loadProfile('KZ'), file);

function basesIn(language: 'ru' | 'kk' | 'en') {
  const report = buildAccessReport({
    rules,
    request: {
      id: 'r',
      number: 1,
      type: 'information',
      receivedAt: new Date('2026-03-20T05:00:00Z'),
      dueDate: '2026-03-25',
    } as unknown as RequestSummary,
    language,
    now: new Date('2026-03-21T05:00:00Z'),
    withValues: false,
    held: null,
    consents: [
      {
        id: 'c',
        purpose: 'mailing',
        kind: 'processing',
        status: 'active',
        grantedAt: new Date('2026-01-10T05:00:00Z'),
        channel: 'web',
        text: 'Согласие на рассылку',
        policyVersion: '2025-01',
        withdrawnAt: null,
        evidence: {},
      },
    ],
  });
  return report.purposes.find((p) => p.id === 'mailing')!.legalBases.map((b) => b.reference);
}

describe('legal bases in the report', () => {
  it('are in the report’s language where the register words them so, the policy’s Russian otherwise', () => {
    expect(basesIn('ru')).toEqual([
      'Согласие субъекта на обработку ПД, в соответствии с требованиями Закона о персональных данных.',
    ]);
    expect(basesIn('kk')).toEqual([
      'Дербес деректер туралы заңның талаптарына сәйкес субъектінің дербес деректерді өңдеуге келісімі.',
    ]);
    expect(basesIn('en')).toEqual([
      "The subject's consent to the processing of personal data, in accordance with the Personal Data Law.",
    ]);
  });
});
