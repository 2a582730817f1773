// `amanat register …` through the real entry point (bin/amanat.js), as an operator runs it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromPackageRoot, packageRoot } from '../../lib/paths.js';

function amanat(...args: string[]) {
  const result = spawnSync(process.execPath, [fromPackageRoot('bin', 'amanat.js'), ...args], {
    cwd: packageRoot,
    encoding: 'utf8',
    env: { ...process.env, COLUMNS: '140' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('amanat register (CLI)', () => {
  it('validate: the example is valid, with the warnings of what its policy leaves open', () => {
    const run = amanat('register', 'validate', 'examples/nextbot.kz/register.yaml');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(
      'Реестр корректен: 11 целей, 22 поля, 6 категорий субъектов, 2 информационные системы; предупреждений: 5. / ' +
        'Register is valid: 11 purposes, 22 fields, 6 subject categories, 2 information systems; 5 warnings.',
    );
    expect(run.stderr).toMatch(
      /^examples\/nextbot\.kz\/register\.yaml:\d+:\d+ {2}предупреждение \/ warning: purpose 'user_site_access' \(№5\) ends on consent withdrawal.*\[withdrawal-needs-consent\]$/m,
    );
    expect(run.stderr).toMatch(
      /^examples\/nextbot\.kz\/register\.yaml:\d+:\d+ {2}предупреждение \/ warning: purpose 'personnel_reserve': the policy names no retention period.*\[retention-period-missing\]$/m,
    );
    expect(run.stderr).toMatch(
      /warning: deadlines\.information_request: the KZ profile's 3 working days is tied to no article.*\[deadline-set-by-operator\]$/m,
    );
  });

  it('validate: an invalid register prints file:line:column  message  [rule] and exits 1', () => {
    const run = amanat('register', 'validate', 'test/fixtures/registers/bad-enum-value.yaml');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      "test/fixtures/registers/bad-enum-value.yaml:38:17  expected one of automated, mixed, manual, got 'semi'  [schema]",
    );
  });

  it('validate: an unreadable file or a misused command exits 2', () => {
    const missing = amanat('register', 'validate', 'no/such/register.yaml');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Не удалось прочитать файл реестра no/such/register.yaml');
    expect(amanat('register', 'show', 'examples/nextbot.kz/register.yaml', '--lang', 'de').status).toBe(2);
  });

  it('show: a table of the eleven purposes in the chosen language', () => {
    const run = amanat('register', 'show', 'examples/nextbot.kz/register.yaml', '--lang', 'en');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Processing purposes (11):');
    expect(run.stdout).toContain('Data permitted for publication (№10):');
    expect(run.stdout).toMatch(/│ 10 +│ Publishing testimonials/);
  });
});
