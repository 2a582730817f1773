import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { getCalendar } from './calendar.js';

const ru = getCalendar('RU');

function catchError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('Russian production calendar', () => {
  it.each([
    [2024, 248],
    [2025, 247],
    [2026, 247],
  ])('%i has %i working days', (year, workingDays) => {
    expect(ru.workingDaysInYear(year)).toBe(workingDays);
  });

  it('works the Saturdays of 2024 that the decree made working (27 April, 2 November, 28 December)', () => {
    for (const saturday of ['2024-04-27', '2024-11-02', '2024-12-28'])
      expect(ru.isWorkingDay(saturday)).toBe(true);
    expect(ru.isWorkingDay('2024-04-29')).toBe(false);
    expect(ru.isWorkingDay('2024-04-30')).toBe(false);
    expect(ru.isWorkingDay('2024-12-30')).toBe(false);
  });

  it('works Saturday 1 November 2025 and rests on Monday 3 November', () => {
    expect(ru.isWorkingDay('2025-11-01')).toBe(true);
    expect(ru.isWorkingDay('2025-11-03')).toBe(false);
    // 23 February and 8 March 2025 fell on a weekend; the decree moved their days off to 8 May and 13 June.
    expect(ru.isWorkingDay('2025-02-24')).toBe(true);
    expect(ru.isWorkingDay('2025-03-10')).toBe(true);
    expect(ru.isWorkingDay('2025-05-08')).toBe(false);
    expect(ru.isWorkingDay('2025-06-13')).toBe(false);
  });

  it('lists 2026 exactly: the New Year holidays to 9 January, 9 March, 11 May, 31 December', () => {
    expect(ru.daysOff(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-02-23',
      '2026-03-09',
      '2026-05-01',
      '2026-05-11',
      '2026-06-12',
      '2026-11-04',
      '2026-12-31',
    ]);
  });

  it('counts 10 working days for an information request received on 30 December 2025', () => {
    // 31 Dec 2025 and 1–11 Jan 2026 are off: 12, 13, 14, 15, 16, 19, 20, 21, 22, 23 January.
    expect(ru.addWorkingDays('2025-12-30', 10)).toBe('2026-01-23');
  });

  it('marks 2027 as unconfirmed (no decree yet)', () => {
    expect(ru.yearInfo(2027).status).toBe('unconfirmed');
    expect(ru.yearInfo(2027).note).toContain('2027');
  });

  it.each([2023, 2028])('refuses %i with the file to add', (year) => {
    const error = catchError(() => ru.daysOff(year));
    expect(error.code).toBe(ErrorCodes.CALENDAR_YEAR_MISSING);
    expect(error.message).toBe(
      `Нет данных календаря RU за ${year} год (calendars/ru/${year}.yaml). No RU calendar data for ${year}.`,
    );
  });

  it('refuses a six-day week, for which there is no Russian data', () => {
    const error = catchError(() => getCalendar('RU', { week: 'six_day' }).isWorkingDay('2026-01-10'));
    expect(error.code).toBe(ErrorCodes.VALIDATION_FAILED);
  });
});
