// Plain calendar dates ('YYYY-MM-DD') and time-zone conversions.
// Calendar dates are counted as whole days since 1970-01-01 in UTC, so no local time zone of the machine and no
// daylight-saving jump can shift a date; instants are converted to and from an operator's zone through Intl only.
import { DomainError, ErrorCodes } from '../../lib/errors.js';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO 8601 day of the week: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Parses 'YYYY-MM-DD' into a day number (days since 1970-01-01); undefined when the text is not a real date. */
export function tryParseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a round trip rejects such dates.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

export function isIsoDate(text: string): boolean {
  return tryParseIsoDate(text) !== undefined;
}

export function parseIsoDate(text: string): number {
  const dayNumber = tryParseIsoDate(text);
  if (dayNumber === undefined) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Дата «${text}» не в формате ГГГГ-ММ-ДД или не существует. Not a valid YYYY-MM-DD date: '${text}'.`,
      { issues: [{ path: 'date', message: `not a valid YYYY-MM-DD date: '${text}'` }] },
    );
  }
  return dayNumber;
}

export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

export function isoWeekday(dayNumber: number): IsoWeekday {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function addDays(date: string, days: number): string {
  return formatDayNumber(parseIsoDate(date) + days);
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

export function lastDayOfYear(year: number): number {
  return Date.UTC(year, 11, 31) / MS_PER_DAY;
}

// --- instants in an IANA time zone ---

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch (error) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Неизвестный часовой пояс «${timeZone}»: нужен идентификатор IANA, например Asia/Almaty. ` +
          `Unknown IANA time zone '${timeZone}'.`,
        { issues: [{ path: 'timezone', message: `unknown IANA time zone '${timeZone}'` }], cause: error },
      );
    }
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timeZone` at `instantMs`, expressed as if that reading were UTC (whole seconds). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** Offset of `timeZone` from UTC at `instantMs`, in milliseconds (Asia/Almaty: +5 h). */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

/** The calendar date an instant falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** The instant at which the local day `date` begins in `timeZone`. */
function startOfLocalDayMs(date: string, timeZone: string): number {
  const localMidnightAsUtc = parseIsoDate(date) * MS_PER_DAY;
  // First guess with the offset at that moment, then correct once if the offset differs at the guessed instant
  // (a daylight-saving change between the two readings).
  const firstGuess = localMidnightAsUtc - zoneOffsetMs(localMidnightAsUtc, timeZone);
  return localMidnightAsUtc - zoneOffsetMs(firstGuess, timeZone);
}

/** The instant at which the local day `date` begins in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return new Date(startOfLocalDayMs(date, timeZone));
}

/** The last millisecond of the local day `date` in `timeZone`, as an instant. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(startOfLocalDayMs(addDays(date, 1), timeZone) - 1);
}

/** ISO 8601 text of an instant as read on the wall clock of `timeZone`, with its offset: 2026-04-08T23:59:59.999+05:00. */
export function formatInstantInZone(instant: Date, timeZone: string): string {
  const instantMs = instant.getTime();
  const offsetMinutes = Math.round(zoneOffsetMs(instantMs, timeZone) / 60_000);
  const local = new Date(instantMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}
