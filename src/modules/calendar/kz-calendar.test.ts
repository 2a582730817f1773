import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { getCalendar } from './calendar.js';
import type { KzRules, KzYear } from './calendar.schema.js';
import { buildKzYear } from './calendar-year.js';
import { firstDayOfYear, formatDayNumber, isoWeekday, lastDayOfYear } from './dates.js';

const kz = getCalendar('KZ');
const kzSixDay = getCalendar('KZ', { week: 'six_day' });

function weekdaysOf(year: number): string[] {
  const days: string[] = [];
  for (let day = firstDayOfYear(year); day <= lastDayOfYear(year); day += 1) {
    if (isoWeekday(day) <= 5) days.push(formatDayNumber(day));
  }
  return days;
}

function catchError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('Kazakhstan 2026 (LAW.md: expected days off beyond weekends)', () => {
  const expectedDaysOff = [
    '2026-01-01',
    '2026-01-02',
    '2026-01-07',
    '2026-03-09',
    '2026-03-23',
    '2026-03-24',
    '2026-03-25',
    '2026-05-01',
    '2026-05-07',
    '2026-05-11',
    '2026-05-27',
    '2026-07-06',
    '2026-08-31',
    '2026-10-26',
    '2026-12-16',
  ];

  it.each(expectedDaysOff)('%s is a day off', (date) => {
    expect(kz.isWorkingDay(date)).toBe(false);
  });

  it('has no other weekday off, and no worked weekend', () => {
    const weekdaysOff = weekdaysOf(2026).filter((date) => !kz.isWorkingDay(date));
    expect(weekdaysOff).toEqual(expectedDaysOff);
    expect(kz.daysOff(2026)).toEqual(expectedDaysOff);
  });

  it('carries Nauryz over: 21–22 March fall on the weekend, so 24 and 25 March are off after the block', () => {
    expect(kz.isWorkingDay('2026-03-21')).toBe(false);
    expect(kz.isWorkingDay('2026-03-22')).toBe(false);
    expect(kz.isWorkingDay('2026-03-23')).toBe(false);
    const reasons = Object.fromEntries(kz.specialDays(2026).map((day) => [day.date, day]));
    expect(reasons['2026-03-24']).toMatchObject({ kind: 'carry_over', working: false });
    expect(reasons['2026-03-24']?.reason).toContain('2026-03-21');
    expect(reasons['2026-03-25']?.reason).toContain('2026-03-22');
    expect(kz.isWorkingDay('2026-03-26')).toBe(true);
  });

  it('counts 10 working days from Friday 20 March to Wednesday 8 April', () => {
    expect(kz.addWorkingDays('2026-03-20', 10)).toBe('2026-04-08');
  });

  it('starts counting the day after the event', () => {
    expect(kz.addWorkingDays('2026-03-20', 0)).toBe('2026-03-20');
    expect(kz.addWorkingDays('2026-03-20', 1)).toBe('2026-03-26');
    expect(kz.addWorkingDays('2026-12-31', 1)).toBe('2027-01-05');
  });

  it('has 246 working days, as the ministry calendar says', () => {
    expect(kz.workingDaysInYear(2026)).toBe(246);
  });
});

describe('Kazakhstan 2025: the ministry transfer', () => {
  it('makes Friday 3 January a day off and Sunday 5 January a working day', () => {
    expect(kz.isWorkingDay('2025-01-03')).toBe(false);
    expect(kz.isWorkingDay('2025-01-05')).toBe(true);
    expect(kz.describeDay('2025-01-03').kind).toBe('transfer_day_off');
    expect(kz.describeDay('2025-01-05').kind).toBe('transfer_working_day');
  });

  it('applies to the six-day week too (Sunday is off in both weeks)', () => {
    expect(kzSixDay.isWorkingDay('2025-01-03')).toBe(false);
    expect(kzSixDay.isWorkingDay('2025-01-05')).toBe(true);
  });

  it('lists the year with the transfer and the carry-overs (8 March, Nauryz, 6 July, 30 August, 25 October)', () => {
    expect(kz.daysOff(2025)).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
      '2025-01-05',
      '2025-01-07',
      '2025-03-10',
      '2025-03-21',
      '2025-03-24',
      '2025-03-25',
      '2025-05-01',
      '2025-05-07',
      '2025-05-09',
      '2025-06-06',
      '2025-07-07',
      '2025-09-01',
      '2025-10-27',
      '2025-12-16',
    ]);
    expect(kz.workingDaysInYear(2025)).toBe(246);
  });
});

describe('Kazakhstan religious days are not carried over', () => {
  it('7 January 2024 (Sunday) leaves Monday 8 January a working day', () => {
    expect(isoWeekday(firstDayOfYear(2024) + 6)).toBe(7);
    expect(kz.isWorkingDay('2024-01-07')).toBe(false);
    expect(kz.isWorkingDay('2024-01-08')).toBe(true);
  });

  it('Kurban Ait on Sunday 16 June 2024 leaves Monday 17 June a working day', () => {
    expect(kz.isWorkingDay('2024-06-16')).toBe(false);
    expect(kz.isWorkingDay('2024-06-17')).toBe(true);
  });

  it('2024 has 249 working days in a five-day week and 301 in a six-day week', () => {
    // The ministry's balance (248 / 300) was drawn up with Kurban Ait on Monday 17 June; the Spiritual
    // Administration moved it to Sunday 16 June, and the ministry confirmed 17 June stayed a working day.
    expect(kz.workingDaysInYear(2024)).toBe(249);
    expect(kzSixDay.workingDaysInYear(2024)).toBe(301);
  });

  it('applies the 2024 order (Saturday 4 May worked, Wednesday 8 May off) to the five-day week only', () => {
    expect(kz.isWorkingDay('2024-05-04')).toBe(true);
    expect(kz.isWorkingDay('2024-05-08')).toBe(false);
    expect(kzSixDay.isWorkingDay('2024-05-04')).toBe(true);
    expect(kzSixDay.isWorkingDay('2024-05-08')).toBe(true);
  });
});

describe('carry-over rule on a synthetic year', () => {
  const rules: KzRules = {
    country: 'KZ',
    week: { five_day: [1, 2, 3, 4, 5], six_day: [1, 2, 3, 4, 5, 6] },
    fixed_holidays: [
      { id: 'new_year', name: { ru: 'Новый год' }, days: ['01-01', '01-02'], carried_over: true },
      { id: 'orthodox_christmas', name: { ru: 'Рождество' }, days: ['01-07'], carried_over: false },
      { id: 'defender_day', name: { ru: 'День защитника' }, days: ['05-07'], carried_over: true },
      { id: 'victory_day', name: { ru: 'День Победы' }, days: ['05-09'], carried_over: true },
    ],
    movable_holidays: [{ id: 'kurban_ait', name: { ru: 'Курбан айт' }, carried_over: false }],
  };
  // 2023: 1 January is a Sunday, 7 January a Saturday, 7 May a Sunday, 9 May a Tuesday.
  const year2023: KzYear = {
    country: 'KZ',
    year: 2023,
    status: 'unconfirmed',
    note: 'synthetic',
    movable_holidays: { kurban_ait: '2023-06-28' },
    transfers: [],
    sources: [],
  };
  const built = buildKzYear(rules, year2023, 'five_day', 'synthetic/2023.yaml');
  const off = (date: string) =>
    [...built.specialDays.values()].some((day) => day.date === date && !day.working);

  it('moves the Sunday of the New Year block to Tuesday 3 January (Monday 2 January is the holiday itself)', () => {
    expect(off('2023-01-03')).toBe(true);
    expect(off('2023-01-04')).toBe(false);
  });

  it('does not carry 7 January (Saturday) over: Monday 9 January stays a working day', () => {
    expect(off('2023-01-07')).toBe(true);
    expect(off('2023-01-09')).toBe(false);
  });

  it('never lands a carry-over on another holiday: 7 May (Sunday) → Monday 8 May; 9 May is its own holiday', () => {
    expect(off('2023-05-08')).toBe(true);
    expect(off('2023-05-10')).toBe(false);
  });

  it('skips a holiday in the way: with 7 May on Saturday 2022 the day off moves past Monday 9 May to 10 May', () => {
    const year2022: KzYear = { ...year2023, year: 2022, movable_holidays: { kurban_ait: '2022-07-09' } };
    const days = buildKzYear(rules, year2022, 'five_day', 'synthetic/2022.yaml').specialDays;
    const carryOvers = [...days.values()].filter((day) => day.kind === 'carry_over').map((day) => day.date);
    // 1 January 2022 is a Saturday and 2 January a Sunday: two clashes → Monday 3 and Tuesday 4 January.
    expect(carryOvers).toEqual(['2022-01-03', '2022-01-04', '2022-05-10']);
  });

  it('rejects a transfer that would move a day that is already off', () => {
    const withBadTransfer: KzYear = {
      ...year2023,
      transfers: [{ day_off: '2023-01-08', working_day: '2023-01-14', weeks: ['five_day'], basis: 'test' }],
    };
    const error = catchError(() => buildKzYear(rules, withBadTransfer, 'five_day', 'synthetic/2023.yaml'));
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID);
    expect(error.message).toContain('synthetic/2023.yaml');
  });
});

describe('six-day week (Monday–Saturday)', () => {
  it('works Saturday 3 January 2026 and the Monday after a Saturday holiday (9 May → 11 May is worked)', () => {
    expect(kz.isWorkingDay('2026-01-03')).toBe(false);
    expect(kzSixDay.isWorkingDay('2026-01-03')).toBe(true);
    expect(kzSixDay.isWorkingDay('2026-05-09')).toBe(false);
    expect(kzSixDay.isWorkingDay('2026-05-11')).toBe(true);
  });

  it('carries only Sunday clashes: 22 March → 24 March, 8 March → 9 March, 30 August → 31 August', () => {
    const carryOvers = kzSixDay
      .specialDays(2026)
      .filter((day) => day.kind === 'carry_over')
      .map((day) => day.date);
    expect(carryOvers).toEqual(['2026-03-09', '2026-03-24', '2026-08-31', '2026-10-26']);
    expect(kzSixDay.isWorkingDay('2026-03-25')).toBe(true);
  });

  it('counts Saturdays as working days', () => {
    // From Friday 27 March 2026: Sat 28, Mon 30, Tue 31.
    expect(kzSixDay.addWorkingDays('2026-03-27', 3)).toBe('2026-03-31');
    expect(kz.addWorkingDays('2026-03-27', 3)).toBe('2026-04-01');
  });
});

describe('years without data', () => {
  it.each([2023, 2028])('refuses %i, naming the country, the year and the file to add', (year) => {
    const error = catchError(() => kz.isWorkingDay(`${year}-06-01`));
    expect(error.code).toBe(ErrorCodes.CALENDAR_YEAR_MISSING);
    expect(error.message).toBe(
      `Нет данных календаря KZ за ${year} год (calendars/kz/${year}.yaml). No KZ calendar data for ${year}.`,
    );
    expect(error.details).toMatchObject({ country: 'KZ', year, file: `calendars/kz/${year}.yaml` });
  });

  it('refuses to count into a missing year instead of guessing', () => {
    const error = catchError(() => kz.addWorkingDays('2027-12-20', 15));
    expect(error.code).toBe(ErrorCodes.CALENDAR_YEAR_MISSING);
    expect(error.message).toContain('2028');
  });

  it('refuses daysOff for a missing year', () => {
    expect(catchError(() => kz.daysOff(2023)).code).toBe(ErrorCodes.CALENDAR_YEAR_MISSING);
  });

  it('marks 2027 as unconfirmed and says so', () => {
    expect(kz.yearInfo(2027).status).toBe('unconfirmed');
    expect(kz.yearInfo(2026).status).toBe('confirmed');
    expect(kz.unconfirmedYears('2026-12-01', '2027-01-10')).toEqual([2027]);
  });
});

describe('input checks', () => {
  it('rejects a date that does not exist', () => {
    expect(catchError(() => kz.isWorkingDay('2026-02-30')).code).toBe(ErrorCodes.VALIDATION_FAILED);
  });

  it('rejects a negative or fractional count', () => {
    expect(catchError(() => kz.addWorkingDays('2026-03-20', -1)).code).toBe(ErrorCodes.VALIDATION_FAILED);
    expect(catchError(() => kz.addWorkingDays('2026-03-20', 1.5)).code).toBe(ErrorCodes.VALIDATION_FAILED);
  });

  it('adds calendar days without calendar data, across months and years', () => {
    expect(kz.addCalendarDays('2026-03-20', 30)).toBe('2026-04-19');
    expect(kz.addCalendarDays('2028-12-31', 1)).toBe('2029-01-01');
  });
});
