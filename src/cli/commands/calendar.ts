// `amanat calendar …`: the working-day calendar from the command line — add days to a date, list a year's days
// off with reasons, check one day. Works offline from the data files; needs no server and no store.
import type { Command } from 'commander';
import { isDomainError } from '../../lib/errors.js';
import { getCalendar, type WorkingDayCalendar } from '../../modules/calendar/calendar.js';
import { addDays, isIsoDate } from '../../modules/calendar/dates.js';
import { type JurisdictionCode, jurisdictionCode } from '../../modules/register/register.schema.js';

/** Exit code for bad input and missing data, apart from commander's own usage errors. */
const EXIT_BAD_INPUT = 2;

class UsageError extends Error {}

interface CalendarCommandOptions {
  country: string;
  sixDay?: boolean;
}

function parseCountry(text: string): JurisdictionCode {
  const parsed = jurisdictionCode.safeParse(text.toUpperCase());
  if (!parsed.success) {
    throw new UsageError(
      `Неизвестная страна «${text}»: поддерживаются ${jurisdictionCode.options.join(', ')}. Unknown country '${text}'.`,
    );
  }
  return parsed.data;
}

function parseDate(text: string): string {
  if (!isIsoDate(text)) {
    throw new UsageError(
      `Дата «${text}» не в формате ГГГГ-ММ-ДД или не существует. Not a valid YYYY-MM-DD date.`,
    );
  }
  return text;
}

function parseCount(text: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(count)) {
    throw new UsageError(
      `Число дней «${text}» должно быть целым неотрицательным числом. N must be a non-negative integer.`,
    );
  }
  return count;
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text))
    throw new UsageError(`Год «${text}» должен быть из четырёх цифр. Year must be YYYY.`);
  return Number(text);
}

function calendarFor(options: CalendarCommandOptions): WorkingDayCalendar {
  return getCalendar(parseCountry(options.country), { week: options.sixDay ? 'six_day' : 'five_day' });
}

/** Results resting on unconfirmed data are printed, but with a warning on stderr so a script's stdout stays clean. */
function warnIfUnconfirmed(calendar: WorkingDayCalendar, years: number[]): void {
  for (const year of years) {
    const info = calendar.yearInfo(year);
    console.error(
      `Внимание: данные календаря ${calendar.country} за ${year} год не подтверждены (${info.file})` +
        `${info.note ? `: ${info.note.replace(/\.$/, '')}` : ''}. Warning: ${calendar.country} calendar data for ${year} is unconfirmed.`,
    );
  }
}

/** Runs a command body; bad input and domain errors become one line on stderr and exit code 2, no stack trace. */
function runReporting(body: () => void): void {
  try {
    body();
  } catch (error) {
    if (error instanceof UsageError || isDomainError(error)) {
      console.error(`Ошибка: ${error.message}`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    console.error(`Ошибка: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

const countryOption = ['--country <code>', 'страна календаря: KZ или RU / calendar country', 'KZ'] as const;
const sixDayOption = ['--six-day', 'шестидневная рабочая неделя (пн–сб) / six-day week'] as const;

export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('Производственный календарь: рабочие дни и сроки / Working-day calendar')
    // Commander's own usage errors (a missing argument, an unknown option) are bad input too: exit 2, like ours.
    // Set before the subcommands are added, which inherit it; help and --version keep exit code 0.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT_BAD_INPUT));

  calendar
    .command('add')
    .description(
      'Дата через N рабочих (или календарных) дней после события; счёт со следующего дня / Date N days after',
    )
    .argument('<date>', 'дата события, ГГГГ-ММ-ДД / event date')
    .argument('<n>', 'число дней / number of days')
    .option(...countryOption)
    .option('--calendar-days', 'считать календарные дни, а не рабочие / count calendar days')
    .option(...sixDayOption)
    .action(
      (dateText: string, countText: string, options: CalendarCommandOptions & { calendarDays?: boolean }) =>
        runReporting(() => {
          const start = parseDate(dateText);
          const count = parseCount(countText);
          const workingDayCalendar = calendarFor(options);
          if (options.calendarDays) {
            console.log(workingDayCalendar.addCalendarDays(start, count));
            return;
          }
          const due = workingDayCalendar.addWorkingDays(start, count);
          warnIfUnconfirmed(
            workingDayCalendar,
            count === 0 ? [] : workingDayCalendar.unconfirmedYears(addDays(start, 1), due),
          );
          console.log(due);
        }),
    );

  calendar
    .command('days-off')
    .description('Нерабочие будни и рабочие выходные года с причинами / Days off of a year with reasons')
    .argument('<year>', 'год, ГГГГ / year')
    .option(...countryOption)
    .option(...sixDayOption)
    .action((yearText: string, options: CalendarCommandOptions) =>
      runReporting(() => {
        const year = parseYear(yearText);
        const workingDayCalendar = calendarFor(options);
        const days = workingDayCalendar.specialDays(year);
        warnIfUnconfirmed(
          workingDayCalendar,
          workingDayCalendar.unconfirmedYears(`${year}-01-01`, `${year}-12-31`),
        );
        for (const day of days) {
          console.log(`${day.date}\t${day.working ? 'рабочий' : 'выходной'}\t${day.reason}`);
        }
      }),
    );

  calendar
    .command('is-working')
    .description('Рабочий ли день / Is the date a working day')
    .argument('<date>', 'дата, ГГГГ-ММ-ДД / date')
    .option(...countryOption)
    .option(...sixDayOption)
    .action((dateText: string, options: CalendarCommandOptions) =>
      runReporting(() => {
        const date = parseDate(dateText);
        const workingDayCalendar = calendarFor(options);
        const day = workingDayCalendar.describeDay(date);
        warnIfUnconfirmed(workingDayCalendar, workingDayCalendar.unconfirmedYears(date, date));
        const status = day.working ? 'рабочий день / working day' : 'нерабочий день / non-working day';
        console.log(`${date}: ${status}${day.reason ? ` — ${day.reason}` : ''}`);
      }),
    );
}
