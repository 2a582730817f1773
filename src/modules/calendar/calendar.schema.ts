// Schemas of the calendar data files under calendars/: the Kazakhstan rules, a Kazakhstan year and a Russian year.
// Checks that need more than one field or file (a date inside its year, a transfer onto a weekend) live in
// calendar-data.ts, where the file name is known for the error message.
import { z } from 'zod';
import { localizedText } from '../register/register.schema.js';
import { isIsoDate, tryParseIsoDate } from './dates.js';

export const weekModes = ['five_day', 'six_day'] as const;
export const weekMode = z.enum(weekModes);
/** Five working days (Monday–Friday) or six (Monday–Saturday). */
export type WeekMode = z.infer<typeof weekMode>;

const isoDate = z.string().refine(isIsoDate, { message: 'a real date in YYYY-MM-DD form' });

/** 'MM-DD' of a holiday with a fixed date; checked against a leap year so that 02-29 is accepted. */
const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'a month and day in MM-DD form')
  .refine((text) => tryParseIsoDate(`2000-${text}`) !== undefined, { message: 'a real month and day' });

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case latin letters, digits and "_"');

/** ISO 8601 weekdays (1 Monday … 7 Sunday) that are working days in a week mode. */
const workingWeekdays = z.array(z.number().int().min(1).max(7)).min(1);

const source = z.object({ title: z.string().min(1), url: z.url().optional() }).strict();

const yearStatus = z.enum(['confirmed', 'unconfirmed']);
export type YearStatus = z.infer<typeof yearStatus>;

/** A year marked unconfirmed must say why, so nobody mistakes a guess for a published calendar. */
function unconfirmedNeedsNote(data: { status: YearStatus; note?: string | undefined }) {
  return data.status === 'confirmed' || (data.note !== undefined && data.note.length > 0);
}
const unconfirmedNoteMessage = {
  message: 'an unconfirmed year needs a note saying what is not confirmed',
  path: ['note'],
};

export const kzRulesFile = z
  .object({
    country: z.literal('KZ'),
    week: z.object({ five_day: workingWeekdays, six_day: workingWeekdays }).strict(),
    fixed_holidays: z
      .array(
        z
          .object({
            id,
            name: localizedText,
            days: z.array(monthDay).min(1),
            /** True: a day that falls on a weekend moves the day off to the next working day. */
            carried_over: z.boolean(),
          })
          .strict(),
      )
      .min(1),
    /** Holidays whose date is announced each year; the date is in the year file under the same id. */
    movable_holidays: z
      .array(z.object({ id, name: localizedText, carried_over: z.boolean() }).strict())
      .default([]),
  })
  .strict();
export type KzRules = z.infer<typeof kzRulesFile>;

export const ruRulesFile = z
  .object({
    country: z.literal('RU'),
    /** The yearly lists are published for a five-day week only; a six-day week is absent until data exists. */
    week: z.object({ five_day: workingWeekdays, six_day: workingWeekdays.optional() }).strict(),
  })
  .strict();
export type RuRules = z.infer<typeof ruRulesFile>;

export const kzTransfer = z
  .object({
    /** The weekday that becomes a day off. */
    day_off: isoDate,
    /** The weekend day that becomes a working day in exchange. */
    working_day: isoDate,
    /** Week modes the order applies to (moving a Saturday off means nothing in a six-day week). */
    weeks: z.array(weekMode).min(1),
    /** The order that moved the day, quoted as the reason. */
    basis: z.string().min(1),
  })
  .strict();
export type KzTransfer = z.infer<typeof kzTransfer>;

export const kzYearFile = z
  .object({
    country: z.literal('KZ'),
    year: z.number().int(),
    status: yearStatus,
    note: z.string().min(1).optional(),
    /** Date of each movable holiday of the rules in this year, by id. */
    movable_holidays: z.record(id, isoDate).default({}),
    transfers: z.array(kzTransfer).default([]),
    sources: z.array(source).default([]),
  })
  .strict()
  .refine(unconfirmedNeedsNote, unconfirmedNoteMessage);
export type KzYear = z.infer<typeof kzYearFile>;

const ruDay = z.object({ date: isoDate, reason: z.string().min(1) }).strict();

export const ruYearFile = z
  .object({
    country: z.literal('RU'),
    year: z.number().int(),
    status: yearStatus,
    note: z.string().min(1).optional(),
    /** The decree (and the Labour Code article) the lists come from. */
    basis: z.string().min(1),
    /** Monday–Friday days that are not worked: holidays and days off moved onto weekdays. */
    non_working_weekdays: z.array(ruDay),
    /** Saturdays and Sundays that are worked because their day off was moved. */
    working_weekends: z.array(ruDay).default([]),
    sources: z.array(source).default([]),
  })
  .strict()
  .refine(unconfirmedNeedsNote, unconfirmedNoteMessage);
export type RuYear = z.infer<typeof ruYearFile>;
