import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors.js';
import { fromPackageRoot } from '../../lib/paths.js';
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { citationOf, compareDeadlines, validateAgainstJurisdiction } from './register.jurisdiction.js';
import { loadRegisterFile, parseRegister } from './register.loader.js';
import type { Register } from './register.schema.js';

const fixture = (name: string) => fromPackageRoot('test', 'fixtures', 'registers', name);

function rejection(load: () => unknown): DomainError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the register to be rejected');
}

/** A law with one deadline of the given kind, to test unit comparisons without a real profile. */
function lawWith(consentWithdrawal: { amount: number; unit: 'working_days' | 'calendar_days' | 'hours' }) {
  return {
    code: 'RU',
    name: { ru: 'Тест' },
    law: { ru: 'Тест' },
    calendar: 'RU',
    default_timezone: 'Europe/Moscow',
    deadlines: {
      consent_withdrawal: {
        ...consentWithdrawal,
        rule: 'Тестовый закон, ст. 21 ч. 5: срок',
        unconfirmed: false,
      },
    },
    localisation: { required_countries: ['KZ'], rule: 'ст. 18' },
    biometrics: { rule: 'ст. 11' },
    consent_contents: { required: [], rule: 'ст. 9' },
    destruction_act_retention_years: 3,
    destruction_act_rule: { ru: '152-ФЗ, ст. 21' },
  } satisfies JurisdictionProfile;
}

const minimal = loadRegisterFile(fixture('valid-minimal.yaml')).register;

function withWithdrawal(amount: number, unit: 'working_days' | 'calendar_days' | 'hours'): Register {
  return { ...minimal, deadlines: { consent_withdrawal: { amount, unit } } };
}

describe('register against the jurisdiction profile', () => {
  it('a register with a 20-working-day withdrawal deadline in KZ fails with a message naming the 15-day legal maximum', () => {
    const law = loadProfile('KZ').deadlines.consent_withdrawal!;
    expect(law).toMatchObject({ amount: 15, unit: 'working_days' });
    const error = rejection(() => loadRegisterFile(fixture('bad-withdrawal-20-working-days.yaml')));
    expect(error.issues).toHaveLength(1);
    const [issue] = error.issues;
    expect(issue!.path).toMatch(/bad-withdrawal-20-working-days\.yaml:45:23$/);
    expect(issue!.message).toContain('20 working days');
    expect(issue!.message).toContain('at most 15 working days');
    expect(issue!.message).toContain(law.rule);
    expect(issue!.message).toContain('ст. 8 п. 7');
    expect(issue!.rule).toBe(`deadline-within-law, ${citationOf(law.rule)}`);
  });

  it('accepts a deadline stricter than the law (the seed promises 10 working days against 15)', () => {
    expect(validateAgainstJurisdiction(minimal, loadProfile('KZ'))).toEqual([]);
  });

  it('warns for each deadline the law ties to no article while the register leaves it unset', () => {
    const unset: Register = {
      ...minimal,
      deadlines: { consent_withdrawal: minimal.deadlines.consent_withdrawal },
    };
    const findings = validateAgainstJurisdiction(unset, loadProfile('KZ'));
    expect(findings.map((f) => [f.severity, f.rule, f.message.split(':')[0]])).toEqual([
      ['warning', 'deadline-set-by-operator', 'deadlines.information_request'],
      ['warning', 'deadline-set-by-operator', 'deadlines.access_request'],
      ['warning', 'deadline-set-by-operator', 'deadlines.unlawful_publication_removal'],
    ]);
    expect(findings[0]!.message).toContain("as the operator's commitment");
  });

  it('compares deadlines across units: certain excess is an error, possible excess a warning', () => {
    const wd = (amount: number) => ({ amount, unit: 'working_days' as const });
    const cd = (amount: number) => ({ amount, unit: 'calendar_days' as const });
    const h = (amount: number) => ({ amount, unit: 'hours' as const });
    // same unit: plain numbers
    expect(compareDeadlines(wd(15), wd(15))).toBe('within');
    expect(compareDeadlines(wd(16), wd(15))).toBe('exceeds');
    // working days against calendar days: N working days last at least N calendar days
    expect(compareDeadlines(wd(31), cd(30))).toBe('exceeds');
    expect(compareDeadlines(wd(20), cd(30))).toBe('may_exceed');
    expect(compareDeadlines(wd(10), cd(30))).toBe('within'); // 10·7/5 + 14 = 28 ≤ 30
    // calendar days against working days: an error only beyond M·7/5 + 14
    expect(compareDeadlines(cd(36), wd(15))).toBe('exceeds');
    expect(compareDeadlines(cd(35), wd(15))).toBe('may_exceed');
    expect(compareDeadlines(cd(15), wd(15))).toBe('within');
    // hours
    expect(compareDeadlines(h(48), cd(1))).toBe('exceeds');
    expect(compareDeadlines(h(24), wd(1))).toBe('within');
    expect(compareDeadlines(wd(1), h(24))).toBe('may_exceed');
    expect(compareDeadlines(wd(2), h(24))).toBe('exceeds');
  });

  it('warns, naming both deadlines and the rule, when working days may run past calendar days', () => {
    const [finding] = validateAgainstJurisdiction(
      withWithdrawal(20, 'working_days'),
      lawWith({ amount: 30, unit: 'calendar_days' }),
    );
    expect(finding).toMatchObject({ severity: 'warning', at: ['deadlines', 'consent_withdrawal'] });
    expect(finding!.message).toContain('20 working days may run past');
    expect(finding!.message).toContain('30 calendar days (Тестовый закон, ст. 21 ч. 5: срок)');
    expect(finding!.rule).toBe('deadline-within-law, Тестовый закон, ст. 21 ч. 5');
  });

  it('fails working days that certainly exceed calendar days, and calendar days beyond the working-day bound', () => {
    const [a] = validateAgainstJurisdiction(
      withWithdrawal(31, 'working_days'),
      lawWith({ amount: 30, unit: 'calendar_days' }),
    );
    expect(a).toMatchObject({ severity: 'error' });
    expect(a!.message).toContain('31 working days is longer than the law allows');
    expect(a!.message).toContain('at most 30 calendar days');
    const [b] = validateAgainstJurisdiction(
      withWithdrawal(40, 'calendar_days'),
      lawWith({ amount: 15, unit: 'working_days' }),
    );
    expect(b).toMatchObject({ severity: 'error' });
    expect(
      validateAgainstJurisdiction(
        withWithdrawal(14, 'calendar_days'),
        lawWith({ amount: 15, unit: 'working_days' }),
      ),
    ).toEqual([]);
  });

  it('refuses a biometric field when the register declares no biometric processing, citing the profile', () => {
    const error = rejection(() => loadRegisterFile(fixture('bad-biometric-undeclared.yaml')));
    expect(error.issues).toHaveLength(1);
    const [issue] = error.issues;
    expect(issue!.path).toMatch(/bad-biometric-undeclared\.yaml:30:19$/);
    expect(issue!.message).toContain("field 'face_template' is biometric");
    expect(issue!.message).toContain("used by 'mailing'");
    expect(issue!.message).toContain(loadProfile('KZ').biometrics.rule);
    expect(issue!.rule).toBe('no-undeclared-biometrics');
  });

  it('accepts the same field when biometric processing is declared, and catches the category flag too', () => {
    const text = readFileSync(fixture('bad-biometric-undeclared.yaml'), 'utf8');
    expect(() =>
      parseRegister(text.replace('processes_biometrics: false', 'processes_biometrics: true'), 'r.yaml'),
    ).not.toThrow();
    const byCategory = text.replace('    sensitivity: [biometric]\n', '    category: biometric\n');
    const [issue] = rejection(() => parseRegister(byCategory, 'r.yaml')).issues;
    expect(issue!.path).toBe('r.yaml:30:15');
  });

  it('refuses storage outside Kazakhstan, quoting the localisation rule, for the operator and each system', () => {
    const rule = loadProfile('KZ').localisation.rule;
    const error = rejection(() => loadRegisterFile(fixture('bad-storage-outside-kz.yaml')));
    expect(error.issues.map((i) => i.path.replace(/^.*:(\d+:\d+)$/, '$1'))).toEqual(['14:27', '19:15']);
    expect(error.issues[0]!.message).toContain('storage country DE is outside KZ');
    expect(error.issues[1]!.message).toContain("information system 'website' is located in DE");
    for (const issue of error.issues) expect(issue.message).toContain(`«${rule}»`);
  });

  it('refuses a cross-border list when transfer is not allowed', () => {
    const error = rejection(() => loadRegisterFile(fixture('bad-cross-border-inconsistent.yaml')));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toMatch(/:43:14$/);
    expect(error.issues[0]!.message).toContain('not allowed (allowed: false), yet countries are listed (RU)');
    expect(error.issues[0]!.rule).toBe('cross-border-consistency');
  });
});
