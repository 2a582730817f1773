// One year of a working-day calendar: which weekdays are worked and the days that differ from the plain week.
// Kazakhstan's year is computed from its rules (holidays, carry-over of holidays that fall on a weekend, the
// ministry's transfers); Russia's year is read as published lists, because a decree settles it every year.
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { KzRules, KzYear, RuYear, WeekMode } from './calendar.schema.js';
import {
  formatDayNumber,
  type IsoWeekday,
  isoWeekday,
  parseIsoDate,
  tryParseIsoDate,
  yearOfDayNumber,
} from './dates.js';

export type SpecialDayKind =
  | 'holiday'
  | 'carry_over'
  | 'transfer_day_off'
  | 'transfer_working_day'
  | 'non_working_weekday'
  | 'working_weekend';

/** A day whose status differs from, or needs explaining beyond, the plain working week. */
export interface SpecialDay {
  date: string;
  working: boolean;
  kind: SpecialDayKind;
  /** Why, in Russian: the holiday's name, the day a carry-over comes from, the order behind a transfer. */
  reason: string;
}

export interface CalendarYear {
  year: number;
  workingWeekdays: ReadonlySet<IsoWeekday>;
  /** Keyed by day number (days since 1970-01-01). */
  specialDays: ReadonlyMap<number, SpecialDay>;
}

function invalid(source: string, message: string, path: string): DomainError {
  return new DomainError(
    ErrorCodes.CONFIG_INVALID,
    `Календарь ${source}: ${message}. Calendar file ${source} is invalid.`,
    {
      issues: [{ path: `${source}:${path}`, message }],
    },
  );
}

interface HolidayOccurrence {
  dayNumber: number;
  id: string;
  name: string;
  carriedOver: boolean;
}

/** Consecutive days of one carried-over holiday: the carry-over goes after the whole block. */
interface HolidayBlock {
  name: string;
  days: number[];
}

function splitIntoBlocks(occurrences: HolidayOccurrence[]): HolidayBlock[] {
  const byHoliday = new Map<string, HolidayOccurrence[]>();
  for (const occurrence of occurrences) {
    const list = byHoliday.get(occurrence.id) ?? [];
    list.push(occurrence);
    byHoliday.set(occurrence.id, list);
  }
  const blocks: HolidayBlock[] = [];
  for (const list of byHoliday.values()) {
    const sorted = [...list].sort((a, b) => a.dayNumber - b.dayNumber);
    let current: HolidayBlock | undefined;
    for (const occurrence of sorted) {
      const last = current?.days.at(-1);
      if (current && last !== undefined && occurrence.dayNumber === last + 1) {
        current.days.push(occurrence.dayNumber);
      } else {
        current = { name: occurrence.name, days: [occurrence.dayNumber] };
        blocks.push(current);
      }
    }
  }
  return blocks.sort((a, b) => (a.days[0] ?? 0) - (b.days[0] ?? 0));
}

/** The year's holidays, fixed and movable (a movable one must have its date in the year's file). */
function holidayOccurrences(rules: KzRules, data: KzYear, source: string): HolidayOccurrence[] {
  const year = data.year;
  const occurrences: HolidayOccurrence[] = [];
  for (const holiday of rules.fixed_holidays) {
    for (const monthDay of holiday.days) {
      // 02-29 simply does not occur in a common year.
      const dayNumber = tryParseIsoDate(`${year}-${monthDay}`);
      if (dayNumber === undefined) continue;
      occurrences.push({
        dayNumber,
        id: holiday.id,
        name: holiday.name.ru,
        carriedOver: holiday.carried_over,
      });
    }
  }
  for (const holiday of rules.movable_holidays) {
    const date = data.movable_holidays[holiday.id];
    if (date === undefined) {
      throw invalid(
        source,
        `нет даты праздника «${holiday.id}» (${holiday.name.ru}) за ${year} год`,
        'movable_holidays',
      );
    }
    occurrences.push({
      dayNumber: parseIsoDate(date),
      id: holiday.id,
      name: holiday.name.ru,
      carriedOver: holiday.carried_over,
    });
  }
  return occurrences;
}

/** The special days of a Kazakhstan year, each with its reason: holidays, carry-overs, transfers. */
function kzSpecialDays(
  holidaysByDay: Map<number, HolidayOccurrence[]>,
  carryOvers: Map<number, { holidayDay: number; name: string }>,
  transferDaysOff: Map<number, KzTransfer>,
  transferWorkingDays: Map<number, KzTransfer>,
): Map<number, SpecialDay> {
  const specialDays = new Map<number, SpecialDay>();
  for (const [dayNumber, holidays] of holidaysByDay) {
    const names = holidays.map((holiday) =>
      holiday.carriedOver ? holiday.name : `${holiday.name} — выходной день без переноса`,
    );
    specialDays.set(dayNumber, {
      date: formatDayNumber(dayNumber),
      working: false,
      kind: 'holiday',
      reason: names.join('; '),
    });
  }
  for (const [dayNumber, carry] of carryOvers) {
    specialDays.set(dayNumber, {
      date: formatDayNumber(dayNumber),
      working: false,
      kind: 'carry_over',
      reason: `Перенос выходного дня: ${formatDayNumber(carry.holidayDay)} (${carry.name}) совпал с выходным`,
    });
  }
  for (const [dayNumber, transfer] of transferDaysOff) {
    specialDays.set(dayNumber, {
      date: formatDayNumber(dayNumber),
      working: false,
      kind: 'transfer_day_off',
      reason: `Перенос дня отдыха с ${transfer.working_day}: ${transfer.basis}`,
    });
  }
  for (const [dayNumber, transfer] of transferWorkingDays) {
    specialDays.set(dayNumber, {
      date: formatDayNumber(dayNumber),
      working: true,
      kind: 'transfer_working_day',
      reason: `Рабочий день: день отдыха перенесён на ${transfer.day_off}: ${transfer.basis}`,
    });
  }
  return specialDays;
}

type KzTransfer = KzYear['transfers'][number];

/**
 * Computes a Kazakhstan year from the rules and the year's data.
 *
 * Carry-over (Labour Code Art. 84): when a carried-over holiday falls on a weekend, the next working day after
 * the holiday — after the whole block for a multi-day holiday — is a day off, one per clashing day. A carry-over
 * day is a regular working weekday: never a weekend, a holiday, a day moved by a transfer, or another carry-over.
 * Religious days (carried_over: false) stay where they fall. Transfers are applied for the week modes they name.
 *
 * @param source the year file, named in errors (e.g. calendars/kz/2026.yaml)
 */
export function buildKzYear(rules: KzRules, data: KzYear, week: WeekMode, source: string): CalendarYear {
  const year = data.year;
  const workingWeekdays = new Set(rules.week[week] as IsoWeekday[]);
  const isWeekend = (dayNumber: number) => !workingWeekdays.has(isoWeekday(dayNumber));

  const occurrences = holidayOccurrences(rules, data, source);
  const holidaysByDay = new Map<number, HolidayOccurrence[]>();
  for (const occurrence of occurrences) {
    holidaysByDay.set(occurrence.dayNumber, [...(holidaysByDay.get(occurrence.dayNumber) ?? []), occurrence]);
  }

  const transfers = data.transfers.filter((transfer) => transfer.weeks.includes(week));
  const transferDaysOff = new Map(transfers.map((t) => [parseIsoDate(t.day_off), t]));
  const transferWorkingDays = new Map(transfers.map((t) => [parseIsoDate(t.working_day), t]));
  transfers.forEach((transfer, index) => {
    const path = `transfers[${index}]`;
    if (
      holidaysByDay.has(parseIsoDate(transfer.day_off)) ||
      holidaysByDay.has(parseIsoDate(transfer.working_day))
    ) {
      throw invalid(
        source,
        `перенос ${transfer.working_day} → ${transfer.day_off} задевает праздничный день`,
        path,
      );
    }
    if (isWeekend(parseIsoDate(transfer.day_off))) {
      throw invalid(source, `день отдыха ${transfer.day_off} и так выходной при неделе ${week}`, path);
    }
    if (!isWeekend(parseIsoDate(transfer.working_day))) {
      throw invalid(source, `рабочий день ${transfer.working_day} и так рабочий при неделе ${week}`, path);
    }
  });

  const carryOvers = new Map<number, { holidayDay: number; name: string }>();
  const isRegularWorkingDay = (dayNumber: number) =>
    !isWeekend(dayNumber) &&
    !holidaysByDay.has(dayNumber) &&
    !transferDaysOff.has(dayNumber) &&
    !transferWorkingDays.has(dayNumber) &&
    !carryOvers.has(dayNumber);
  const carriedBlocks = splitIntoBlocks(occurrences.filter((occurrence) => occurrence.carriedOver));
  for (const block of carriedBlocks) {
    let candidate = (block.days.at(-1) ?? 0) + 1;
    for (const clashingDay of block.days.filter(isWeekend)) {
      while (!isRegularWorkingDay(candidate)) candidate += 1;
      if (yearOfDayNumber(candidate) !== year) {
        // No Kazakhstan holiday sits this close to 31 December; if one ever does, the next year's file would have
        // to hold the day, which this computation does not do — say so instead of losing the day silently.
        throw invalid(
          source,
          `перенос выходного с ${formatDayNumber(clashingDay)} уходит в следующий год; запишите его переносом`,
          'fixed_holidays',
        );
      }
      carryOvers.set(candidate, { holidayDay: clashingDay, name: block.name });
      candidate += 1;
    }
  }

  const specialDays = kzSpecialDays(holidaysByDay, carryOvers, transferDaysOff, transferWorkingDays);
  return { year, workingWeekdays, specialDays };
}

/** A Russian year as published: the lists are the calendar; the checks catch typos against the week. */
export function buildRuYear(
  workingWeekdayList: readonly number[],
  data: RuYear,
  source: string,
): CalendarYear {
  const workingWeekdays = new Set(workingWeekdayList as IsoWeekday[]);
  const specialDays = new Map<number, SpecialDay>();
  const add = (
    list: RuYear['non_working_weekdays'],
    field: string,
    working: boolean,
    kind: SpecialDayKind,
  ) => {
    list.forEach((entry, index) => {
      const dayNumber = parseIsoDate(entry.date);
      const path = `${field}[${index}]`;
      if (specialDays.has(dayNumber)) throw invalid(source, `дата ${entry.date} указана дважды`, path);
      // A weekday listed as working, or a weekend listed as non-working, is a typo: it would change nothing.
      if (workingWeekdays.has(isoWeekday(dayNumber)) === working) {
        throw invalid(
          source,
          `${entry.date} — ${working ? 'будний' : 'выходной'} день, в списке ${field} ему не место`,
          path,
        );
      }
      specialDays.set(dayNumber, { date: entry.date, working, kind, reason: entry.reason });
    });
  };
  add(data.non_working_weekdays, 'non_working_weekdays', false, 'non_working_weekday');
  add(data.working_weekends, 'working_weekends', true, 'working_weekend');
  return { year: data.year, workingWeekdays, specialDays };
}
