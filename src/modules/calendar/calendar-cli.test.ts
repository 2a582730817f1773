// The calendar commands through the real entry point (bin/amanat.js, which runs the bundled src/cli/main.ts), as a user runs them.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromPackageRoot, packageRoot } from '../../lib/paths.js';

function amanat(...args: string[]) {
  const result = spawnSync(process.execPath, [fromPackageRoot('bin', 'amanat.js'), ...args], {
    cwd: packageRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('amanat calendar', () => {
  it('adds working days and prints only the date', () => {
    const result = amanat('calendar', 'add', '2026-03-20', '10', '--country', 'KZ');
    expect(result).toMatchObject({ status: 0, stdout: '2026-04-08\n', stderr: '' });
  });

  it('adds calendar days', () => {
    expect(amanat('calendar', 'add', '2026-03-20', '30', '--country', 'RU', '--calendar-days').stdout).toBe(
      '2026-04-19\n',
    );
  });

  it('lists the days off of a year with reasons', () => {
    const result = amanat('calendar', 'days-off', '2026', '--country', 'KZ');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(15);
    expect(lines).toContain('2026-03-23\tвыходной\tНаурыз мейрамы');
    expect(lines.find((line) => line.startsWith('2026-03-24'))).toContain('2026-03-21 (Наурыз мейрамы)');
  });

  it('tells whether a day is worked', () => {
    const result = amanat('calendar', 'is-working', '2025-01-05', '--country', 'KZ');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^2025-01-05: рабочий день/);
  });

  it.each([
    [['calendar', 'add', '2026-02-30', '1'], 'ГГГГ-ММ-ДД'],
    [['calendar', 'add', '2026-03-20', '-1'], 'неотрицательным'],
    [['calendar', 'add', '2026-03-20', '1', '--country', 'US'], 'Неизвестная страна'],
    [
      ['calendar', 'days-off', '2028', '--country', 'KZ'],
      'Нет данных календаря KZ за 2028 год (calendars/kz/2028.yaml)',
    ],
    [['calendar', 'add', '2026-03-20'], 'missing required argument'],
  ])('rejects %j with exit code 2 and a message on stderr', (args, message) => {
    const result = amanat(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns on stderr when the answer rests on unconfirmed data', () => {
    const result = amanat('calendar', 'add', '2026-12-28', '15', '--country', 'KZ');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('2027-01-21\n');
    expect(result.stderr).toContain('не подтверждены');
  });
});
