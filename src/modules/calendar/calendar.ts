// Working-day calendars (Kazakhstan, Russia) and due dates of the law's deadlines.
// Dates are plain 'YYYY-MM-DD' strings; a period starts the day after the event that triggers it (the law's
// convention), so adding 1 working day to a Friday gives the next Monday when that Monday is worked.
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { Deadline, JurisdictionCode } from '../register/register.schema.js';
import type { WeekMode } from './calendar.schema.js';
import {
  type CalendarRepository,
  type CalendarYearInfo,
  defaultCalendarRepository,
} from './calendar-data.js';
import type { CalendarYear, SpecialDay, SpecialDayKind } from './calendar-year.js';
import {
  addDays,
  endOfLocalDay,
  firstDayOfYear,
  formatDayNumber,
  formatInstantInZone,
  isoWeekday,
  lastDayOfYear,
  localDateOf,
  parseIsoDate,
  yearOfDayNumber,
} from './dates.js';

export type { WeekMode } from './calendar.schema.js';
export type { CalendarYearInfo } from './calendar-data.js';
export type { SpecialDay, SpecialDayKind } from './calendar-year.js';

export interface CalendarOptions {
  /** Five-day week (default) or six-day week (Monday–Saturday), where the country's data has it. */
  week?: WeekMode;
}

export interface WorkingDayCalendar {
  readonly country: JurisdictionCode;
  readonly week: WeekMode;
  isWorkingDay(date: string): boolean;
  /**
   * Days of the year that differ from the plain week: non-working days that are not ordinary weekends, and
   * weekends that are worked. Sorted.
   */
  daysOff(year: number): string[];
  /** The same days with the reason for each (holiday name, carry-over source, transfer order). */
  specialDays(year: number): SpecialDay[];
  /** One day's status and, when it is not a plain weekday or weekend, why. */
  describeDay(date: string): DayDescription;
  workingDaysInYear(year: number): number;
  yearInfo(year: number): CalendarYearInfo;
  /** The n-th working day after `start` (counting begins the next day); `start` itself for n = 0. */
  addWorkingDays(start: string, n: number): string;
  /** `start` plus n calendar days; needs no calendar data. */
  addCalendarDays(start: string, n: number): string;
  /** Years between the two dates (inclusive) whose data is marked unconfirmed: a result resting on them is a guess. */
  unconfirmedYears(from: string, to: string): number[];
}

export interface DayDescription {
  date: string;
  working: boolean;
  kind: SpecialDayKind | 'weekday' | 'weekend';
  reason?: string;
}

function requireCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Число дней должно быть целым и неотрицательным, получено ${n}. The number of days must be a non-negative integer.`,
      { issues: [{ path: 'n', message: `not a non-negative integer: ${n}` }] },
    );
  }
}

/** A calendar over a repository of data files; getCalendar() uses the package's calendars/ folder. */
export function createWorkingDayCalendar(
  repository: CalendarRepository,
  country: JurisdictionCode,
  week: WeekMode = 'five_day',
): WorkingDayCalendar {
  const yearOf = (year: number): CalendarYear => repository.year(country, year, week);

  function isWorkingDayNumber(dayNumber: number): boolean {
    const calendarYear = yearOf(yearOfDayNumber(dayNumber));
    const special = calendarYear.specialDays.get(dayNumber);
    if (special) return special.working;
    return calendarYear.workingWeekdays.has(isoWeekday(dayNumber));
  }

  function specialDays(year: number): SpecialDay[] {
    const calendarYear = yearOf(year);
    const isPlainWorkingDay = (dayNumber: number) => calendarYear.workingWeekdays.has(isoWeekday(dayNumber));
    // A holiday on a Sunday is off anyway; only days whose status differs from the plain week are listed.
    return [...calendarYear.specialDays.entries()]
      .filter(([dayNumber, day]) => day.working !== isPlainWorkingDay(dayNumber))
      .sort(([a], [b]) => a - b)
      .map(([, day]) => day);
  }

  return {
    country,
    week,
    isWorkingDay: (date) => isWorkingDayNumber(parseIsoDate(date)),
    describeDay(date) {
      const dayNumber = parseIsoDate(date);
      const calendarYear = yearOf(yearOfDayNumber(dayNumber));
      const special = calendarYear.specialDays.get(dayNumber);
      if (special) return { date, working: special.working, kind: special.kind, reason: special.reason };
      const working = calendarYear.workingWeekdays.has(isoWeekday(dayNumber));
      return { date, working, kind: working ? 'weekday' : 'weekend' };
    },
    daysOff: (year) => specialDays(year).map((day) => day.date),
    specialDays,
    workingDaysInYear(year) {
      yearOf(year);
      let count = 0;
      for (let day = firstDayOfYear(year); day <= lastDayOfYear(year); day += 1) {
        if (isWorkingDayNumber(day)) count += 1;
      }
      return count;
    },
    yearInfo: (year) => repository.yearInfo(country, year),
    addWorkingDays(start, n) {
      requireCount(n);
      let day = parseIsoDate(start);
      let remaining = n;
      while (remaining > 0) {
        day += 1;
        // Each day counted is looked up in its own year, so crossing into a year without data throws.
        if (isWorkingDayNumber(day)) remaining -= 1;
      }
      return formatDayNumber(day);
    },
    addCalendarDays(start, n) {
      requireCount(n);
      return formatDayNumber(parseIsoDate(start) + n);
    },
    unconfirmedYears(from, to) {
      const years: number[] = [];
      for (
        let year = yearOfDayNumber(parseIsoDate(from));
        year <= yearOfDayNumber(parseIsoDate(to));
        year += 1
      ) {
        if (repository.yearInfo(country, year).status === 'unconfirmed') years.push(year);
      }
      return years;
    },
  };
}

const calendars = new Map<string, WorkingDayCalendar>();

/** The working-day calendar of a country, from the data in calendars/<country>/ (loaded on first use, cached). */
export function getCalendar(country: JurisdictionCode, options: CalendarOptions = {}): WorkingDayCalendar {
  const week = options.week ?? 'five_day';
  const key = `${country}:${week}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = createWorkingDayCalendar(defaultCalendarRepository(), country, week);
    calendars.set(key, calendar);
  }
  return calendar;
}

export interface DueDateOptions {
  /** Whose working-day calendar counts the days (the profile's `calendar`). */
  country: JurisdictionCode;
  /** IANA time zone of the operator: the receipt's local date and the end of the due day are read there. */
  timezone: string;
  week?: WeekMode;
  /** For tests; defaults to the package's calendars/. */
  calendar?: WorkingDayCalendar;
}

export interface DueDate {
  /** The last day to act, in the operator's time zone. */
  dueDate: string;
  /** The deadline instant with the zone's offset: the end of dueDate, or receipt + n hours. */
  dueAt: string;
  /** Years of calendar data the result rests on that are marked unconfirmed; empty when all are published. */
  unconfirmedYears: number[];
}

/**
 * When a deadline runs out for something received at `receivedAt`.
 * Working and calendar days count from the receipt's local date in the operator's zone (a request received at
 * 23:30 UTC is already the next day in Almaty); hours count from the instant itself.
 */
export function dueDate(receivedAt: Date, deadline: Deadline, options: DueDateOptions): DueDate {
  if (Number.isNaN(receivedAt.getTime())) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      'Некорректный момент получения. Invalid receipt time.',
      {
        issues: [{ path: 'receivedAt', message: 'invalid date' }],
      },
    );
  }
  const { timezone } = options;
  if (deadline.unit === 'hours') {
    const instant = new Date(receivedAt.getTime() + deadline.amount * 3_600_000);
    return {
      dueDate: localDateOf(instant, timezone),
      dueAt: formatInstantInZone(instant, timezone),
      unconfirmedYears: [],
    };
  }
  const receivedOn = localDateOf(receivedAt, timezone);
  const calendar =
    options.calendar ?? getCalendar(options.country, options.week ? { week: options.week } : {});
  const due =
    deadline.unit === 'working_days'
      ? calendar.addWorkingDays(receivedOn, deadline.amount)
      : calendar.addCalendarDays(receivedOn, deadline.amount);
  return {
    dueDate: due,
    dueAt: formatInstantInZone(endOfLocalDay(due, timezone), timezone),
    unconfirmedYears:
      deadline.unit === 'working_days' ? calendar.unconfirmedYears(addDays(receivedOn, 1), due) : [],
  };
}
