// Data files are checked when loaded: a malformed file fails with an error that names it, never with a wrong date.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { fromPackageRoot } from '../../lib/paths.js';
import { createWorkingDayCalendar } from './calendar.js';
import { createCalendarRepository } from './calendar-data.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amanat-calendars-'));
  cpSync(fromPackageRoot('calendars'), root, { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function loadError(country: 'KZ' | 'RU', date: string): DomainError {
  const calendar = createWorkingDayCalendar(createCalendarRepository(root), country);
  try {
    calendar.isWorkingDay(date);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('calendar data validation', () => {
  it('reads a copy of the shipped data the same way as the package data', () => {
    const calendar = createWorkingDayCalendar(createCalendarRepository(root), 'KZ');
    expect(calendar.addWorkingDays('2026-03-20', 10)).toBe('2026-04-08');
  });

  it('names the file and the field of a schema error', () => {
    writeFileSync(
      join(root, 'kz', '2026.yaml'),
      "country: KZ\nyear: 2026\nstatus: confirmed\nmovable_holidays: { kurban_ait: '2026-02-30' }\n",
    );
    const error = loadError('KZ', '2026-05-27');
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID);
    expect(error.message).toContain('2026.yaml');
    expect(error.issues[0]?.path).toMatch(/2026\.yaml:movable_holidays\.kurban_ait$/);
  });

  it('rejects YAML that does not parse, naming the file', () => {
    writeFileSync(join(root, 'ru', '2025.yaml'), 'country: RU\nyear: [2025\n');
    const error = loadError('RU', '2025-05-05');
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID);
    expect(error.message).toContain('2025.yaml');
  });

  it('rejects a date outside the year of its file', () => {
    writeFileSync(
      join(root, 'ru', '2025.yaml'),
      "country: RU\nyear: 2025\nstatus: confirmed\nbasis: test\nnon_working_weekdays:\n  - { date: '2024-01-01', reason: x }\n",
    );
    const error = loadError('RU', '2025-05-05');
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID);
    expect(error.issues[0]?.message).toBe('2024-01-01 is not in 2025');
  });

  it('rejects a Saturday listed as a non-working weekday (a typo that would change nothing)', () => {
    writeFileSync(
      join(root, 'ru', '2025.yaml'),
      "country: RU\nyear: 2025\nstatus: confirmed\nbasis: test\nnon_working_weekdays:\n  - { date: '2025-01-04', reason: x }\n",
    );
    const error = loadError('RU', '2025-05-05');
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID);
    expect(error.message).toContain('2025-01-04');
  });

  it('requires a note on an unconfirmed year', () => {
    writeFileSync(
      join(root, 'kz', '2027.yaml'),
      "country: KZ\nyear: 2027\nstatus: unconfirmed\nmovable_holidays: { kurban_ait: '2027-05-16' }\n",
    );
    const error = loadError('KZ', '2027-05-17');
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID);
    expect(error.issues.some((issue) => issue.path.endsWith('2027.yaml:note'))).toBe(true);
  });

  it('requires the date of every movable holiday', () => {
    writeFileSync(join(root, 'kz', '2026.yaml'), 'country: KZ\nyear: 2026\nstatus: confirmed\n');
    const error = loadError('KZ', '2026-05-27');
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID);
    expect(error.message).toContain('kurban_ait');
  });

  it('reports a missing year with the folder of the repository', () => {
    const error = loadError('KZ', '2031-01-05');
    expect(error.code).toBe(ErrorCodes.CALENDAR_YEAR_MISSING);
    expect(error.details.file).toBe(join(root, 'kz', '2031.yaml'));
    expect(error.details.availableYears).toEqual([2024, 2025, 2026, 2027]);
  });
});
