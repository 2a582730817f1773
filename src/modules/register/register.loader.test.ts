import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import { fromPackageRoot } from '../../lib/paths.js';
import { formatRegisterIssues, loadRegisterFile, parseRegister } from './register.loader.js';

const fixture = (name: string) => fromPackageRoot('test', 'fixtures', 'registers', name);
const minimalText = readFileSync(fixture('valid-minimal.yaml'), 'utf8');

/** The register error a call throws, or a failed test when it does not throw one. */
function registerError(load: () => unknown): DomainError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCodes.REGISTER_INVALID);
    return error as DomainError;
  }
  throw new Error('expected the register to be rejected');
}

function issuesOfFixture(name: string): ErrorIssue[] {
  return registerError(() => loadRegisterFile(fixture(name))).issues;
}

function issuesOfText(text: string): ErrorIssue[] {
  return registerError(() => parseRegister(text, 'reg.yaml')).issues;
}

describe('register loader: positions and messages', () => {
  it('loads the minimal valid register with no warnings', () => {
    const loaded = loadRegisterFile(fixture('valid-minimal.yaml'));
    expect(loaded.register.purposes.map((p) => p.id)).toEqual(['mailing']);
    expect(loaded.warnings).toEqual([]);
  });

  it('reports malformed YAML at the line and column of the mistake, with a hint', () => {
    const issues = issuesOfFixture('bad-yaml-syntax.txt');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(`${fixture('bad-yaml-syntax.txt')}:11:9`);
    expect(issues[0]!.message).toContain('put the value in quotes');
    expect(issues[0]!.rule).toBe('yaml-syntax');
  });

  it('names the unknown field and the purpose that refers to it, at the reference', () => {
    const [issue, ...rest] = issuesOfFixture('bad-unknown-field-reference.yaml');
    expect(rest).toEqual([]);
    expect(issue!.path).toBe(`${fixture('bad-unknown-field-reference.yaml')}:35:21`);
    expect(issue!.message).toContain("unknown field 'passport'");
    expect(issue!.message).toContain("purpose 'mailing'");
    expect(issue!.message).toContain('defined: email, full_name');
    expect(issue!.rule).toBe('known-references');
  });

  it('rejects an IIN/BIN with a wrong control digit and says which digit is right', () => {
    const [issue] = issuesOfFixture('bad-iin-checksum.yaml');
    expect(issue!.path).toMatch(/bad-iin-checksum\.yaml:8:12$/);
    expect(issue!.message).toContain('should be 3, not 4');
    expect(issue!.rule).toBe('operator-bin-iin');
  });

  it('says which values an enum accepts and which value it got', () => {
    const [issue] = issuesOfFixture('bad-enum-value.yaml');
    expect(issue!.path).toMatch(/bad-enum-value\.yaml:38:17$/);
    expect(issue!.message).toBe("expected one of automated, mixed, manual, got 'semi'");
    expect(issue!.rule).toBe('schema');
  });

  it('points an unknown key at the key itself and lists the known fields', () => {
    const [issue] = issuesOfFixture('bad-unknown-key.yaml');
    expect(issue!.path).toMatch(/bad-unknown-key\.yaml:36:5$/);
    expect(issue!.message).toMatch(/^unknown field 'passport' — known fields: id, number, title, /);
  });

  it('reports every schema problem in one pass, in file order', () => {
    const text = minimalText
      .replace('    number: 1\n', '    number: 0\n')
      .replace('retention: { kind: until_consent_withdrawal }', 'retention: { kind: forever }')
      .replace('  email: dpo@example.kz\n', '  email: not-an-email\n');
    const issues = issuesOfText(text);
    expect(issues.map((i) => i.path)).toEqual(['reg.yaml:10:10', 'reg.yaml:32:13', 'reg.yaml:39:24']);
    expect(issues[0]!.message).toBe("expected an e-mail address, got 'not-an-email'");
    expect(issues[1]!.message).toBe('expected a number > 0, got 0');
    expect(issues[2]!.message).toMatch(
      /^expected one of until_liquidation, contract_period, .*, got 'forever'$/,
    );
  });

  it('names a missing required field and what it should hold, at its parent', () => {
    const issues = issuesOfText(minimalText.replace('    processing: automated\n', ''));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('reg.yaml:31:5');
    expect(issues[0]!.message).toBe(
      "missing required field 'processing': expected one of automated, mixed, manual",
    );
  });

  it('explains problems deep inside a retention tree', () => {
    const issues = issuesOfText(
      minimalText.replace(
        'retention: { kind: until_consent_withdrawal }',
        'retention: { kind: first_of, rules: [{ kind: until_liquidation }, { kind: after_collection, duration: {} }] }',
      ),
    );
    expect(issues).toEqual([
      { path: 'reg.yaml:39:107', message: 'a duration needs years, months or days', rule: 'schema' },
    ]);
  });

  it('rejects an empty file and a non-mapping document clearly', () => {
    expect(issuesOfText('')[0]!.message).toBe(
      'expected a mapping with fields $schema, format, policy, operator, processes_biometrics, information_systems, fields, subject_categories, purposes, additional_processing, publication, cookies, disclosure_grounds, cross_border, deadlines, requests, destruction_methods, got an empty value',
    );
    expect(issuesOfText('- a\n- b\n')[0]).toMatchObject({ path: 'reg.yaml:1:1' });
  });

  it('reports an alias to nothing as a YAML problem rather than crashing', () => {
    const [issue] = issuesOfText(`${minimalText}\nextra: *nowhere\n`);
    expect(issue!.rule).toBe('yaml-syntax');
  });

  it('treats an unreadable file as a configuration error, not an invalid register', () => {
    expect(() => loadRegisterFile(fixture('no-such-register.yaml'))).toThrow(
      expect.objectContaining({ code: ErrorCodes.CONFIG_INVALID }),
    );
  });

  it('prints issues as file:line:column  message  [rule], warnings marked', () => {
    const issues: ErrorIssue[] = [
      { path: 'r.yaml:3:5', message: 'bad', rule: 'schema' },
      { path: 'r.yaml:4:1', message: 'worse' },
    ];
    expect(formatRegisterIssues(issues)).toBe('r.yaml:3:5  bad  [schema]\nr.yaml:4:1  worse');
    expect(formatRegisterIssues(issues.slice(0, 1), 'warning')).toBe(
      'r.yaml:3:5  предупреждение / warning: bad  [schema]',
    );
  });

  it('holds the register against a profile given by the caller', () => {
    const strictLaw = {
      code: 'KZ' as const,
      name: { ru: 'Тест' },
      law: { ru: 'Тест' },
      calendar: 'KZ' as const,
      default_timezone: 'Asia/Almaty',
      deadlines: {
        consent_withdrawal: {
          amount: 5,
          unit: 'working_days' as const,
          rule: 'Тестовый закон, ст. 1: пять рабочих дней',
          unconfirmed: false,
        },
      },
      localisation: { required_countries: ['KZ'], rule: 'ст. 2' },
      biometrics: { rule: 'ст. 3' },
      consent_contents: { required: [], rule: 'ст. 4' },
      destruction_act_retention_years: 3,
      destruction_act_rule: { ru: '94-V, ст. 1' },
    };
    const [issue] = registerError(() =>
      parseRegister(minimalText, 'reg.yaml', { profile: strictLaw }),
    ).issues;
    expect(issue!.path).toBe('reg.yaml:45:23');
    expect(issue!.message).toContain('at most 5 working days (Тестовый закон, ст. 1: пять рабочих дней)');
    expect(issue!.rule).toBe('deadline-within-law, Тестовый закон, ст. 1');
  });
});
