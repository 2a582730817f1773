// Reads the calendar data files (calendars/<country>/rules.yaml and <year>.yaml) on first use, validates them
// and caches both the files and the computed years. A year without a file is an error, never a guess: deadlines
// counted on an invented calendar would look right and be wrong.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { fromPackageRoot, packageRoot } from '../../lib/paths.js';
import type { JurisdictionCode } from '../register/register.schema.js';
import {
  type KzRules,
  type KzYear,
  kzRulesFile,
  kzYearFile,
  type RuRules,
  type RuYear,
  ruRulesFile,
  ruYearFile,
  type WeekMode,
  type YearStatus,
} from './calendar.schema.js';
import { buildKzYear, buildRuYear, type CalendarYear } from './calendar-year.js';

export interface CalendarYearInfo {
  country: JurisdictionCode;
  year: number;
  status: YearStatus;
  note?: string;
  /** The data file, relative to the package root when it lies inside it (calendars/kz/2026.yaml). */
  file: string;
  sources: { title: string; url?: string }[];
}

export interface CalendarRepository {
  /** The computed year; throws CALENDAR_YEAR_MISSING when calendars/<country>/<year>.yaml does not exist. */
  year(country: JurisdictionCode, year: number, week: WeekMode): CalendarYear;
  yearInfo(country: JurisdictionCode, year: number): CalendarYearInfo;
  /** Years that have a data file. */
  availableYears(country: JurisdictionCode): number[];
}

type YearData = { country: 'KZ'; data: KzYear } | { country: 'RU'; data: RuYear };
type RulesData = { country: 'KZ'; rules: KzRules } | { country: 'RU'; rules: RuRules };

/** A repository over a calendars/ folder; tests point it at a temporary folder with synthetic data. */
export function createCalendarRepository(root: string = fromPackageRoot('calendars')): CalendarRepository {
  const rulesCache = new Map<JurisdictionCode, RulesData>();
  const yearDataCache = new Map<string, YearData>();
  const yearCache = new Map<string, CalendarYear>();

  const displayPath = (file: string) => {
    const inside = relative(packageRoot, file);
    return inside.startsWith('..') ? file : inside.split('\\').join('/');
  };
  const countryFolder = (country: JurisdictionCode) => join(root, country.toLowerCase());

  function readValidated<T>(file: string, schema: z.ZodType<T>): T {
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new DomainError(
        ErrorCodes.CONFIG_INVALID,
        `Файл календаря ${displayPath(file)} не читается как YAML: ${(error as Error).message}. ` +
          `Calendar file ${displayPath(file)} is not valid YAML.`,
        { issues: [{ path: displayPath(file), message: (error as Error).message }], cause: error },
      );
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: `${displayPath(file)}:${issue.path.join('.')}`,
        message: issue.message,
      }));
      throw new DomainError(
        ErrorCodes.CONFIG_INVALID,
        `Файл календаря ${displayPath(file)} содержит ошибки: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}. ` +
          `Calendar file ${displayPath(file)} is invalid.`,
        { issues },
      );
    }
    return parsed.data;
  }

  function rulesOf(country: JurisdictionCode): RulesData {
    const cached = rulesCache.get(country);
    if (cached) return cached;
    const file = join(countryFolder(country), 'rules.yaml');
    if (!existsSync(file)) {
      throw new DomainError(
        ErrorCodes.CONFIG_INVALID,
        `Нет правил календаря ${country} (${displayPath(file)}). No ${country} calendar rules.`,
        { details: { country, file: displayPath(file) } },
      );
    }
    const loaded: RulesData =
      country === 'KZ'
        ? { country, rules: readValidated(file, kzRulesFile) }
        : { country, rules: readValidated(file, ruRulesFile) };
    rulesCache.set(country, loaded);
    return loaded;
  }

  function yearFile(country: JurisdictionCode, year: number): string {
    return join(countryFolder(country), `${year}.yaml`);
  }

  function yearDataOf(country: JurisdictionCode, year: number): YearData {
    const key = `${country}:${year}`;
    const cached = yearDataCache.get(key);
    if (cached) return cached;
    const file = yearFile(country, year);
    if (!Number.isInteger(year) || !existsSync(file)) {
      throw new DomainError(
        ErrorCodes.CALENDAR_YEAR_MISSING,
        `Нет данных календаря ${country} за ${year} год (${displayPath(file)}). ` +
          `No ${country} calendar data for ${year}.`,
        { details: { country, year, file: displayPath(file), availableYears: availableYears(country) } },
      );
    }
    const loaded: YearData =
      country === 'KZ'
        ? { country, data: readValidated(file, kzYearFile) }
        : { country, data: readValidated(file, ruYearFile) };
    checkDatesBelongToYear(loaded, year, displayPath(file));
    yearDataCache.set(key, loaded);
    return loaded;
  }

  function year(country: JurisdictionCode, yearNumber: number, week: WeekMode): CalendarYear {
    const key = `${country}:${yearNumber}:${week}`;
    const cached = yearCache.get(key);
    if (cached) return cached;
    const rules = rulesOf(country);
    const yearData = yearDataOf(country, yearNumber);
    const source = displayPath(yearFile(country, yearNumber));
    let built: CalendarYear;
    if (rules.country === 'KZ' && yearData.country === 'KZ') {
      built = buildKzYear(rules.rules, yearData.data, week, source);
    } else if (rules.country === 'RU' && yearData.country === 'RU') {
      const weekdays = rules.rules.week[week];
      if (!weekdays) {
        throw new DomainError(
          ErrorCodes.VALIDATION_FAILED,
          `Для календаря ${country} нет данных шестидневной недели: годовые списки изданы для пятидневной. ` +
            `No ${week} week data for the ${country} calendar.`,
          { issues: [{ path: 'week', message: `${country} has no ${week} calendar` }] },
        );
      }
      built = buildRuYear(weekdays, yearData.data, source);
    } else {
      throw new DomainError(ErrorCodes.CONFIG_INVALID, `Файл ${source} относится к другой стране`);
    }
    yearCache.set(key, built);
    return built;
  }

  function yearInfo(country: JurisdictionCode, yearNumber: number): CalendarYearInfo {
    const { data } = yearDataOf(country, yearNumber);
    return {
      country,
      year: yearNumber,
      status: data.status,
      ...(data.note === undefined ? {} : { note: data.note }),
      file: displayPath(yearFile(country, yearNumber)),
      sources: data.sources.map((s) =>
        s.url === undefined ? { title: s.title } : { title: s.title, url: s.url },
      ),
    };
  }

  function availableYears(country: JurisdictionCode): number[] {
    const folder = countryFolder(country);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .map((name) => /^(\d{4})\.yaml$/.exec(name)?.[1])
      .filter((year): year is string => year !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  return { year, yearInfo, availableYears };
}

/** Every date in a year file must lie in that year, and the file's `year` must match its name. */
function checkDatesBelongToYear(loaded: YearData, year: number, file: string): void {
  const issues: { path: string; message: string }[] = [];
  if (loaded.data.year !== year) {
    issues.push({ path: `${file}:year`, message: `year ${loaded.data.year} in a file named for ${year}` });
  }
  const check = (date: string, path: string) => {
    if (!date.startsWith(`${year}-`)) {
      issues.push({ path: `${file}:${path}`, message: `${date} is not in ${year}` });
    }
  };
  if (loaded.country === 'KZ') {
    for (const [id, date] of Object.entries(loaded.data.movable_holidays)) {
      check(date, `movable_holidays.${id}`);
    }
    for (const [index, transfer] of loaded.data.transfers.entries()) {
      check(transfer.day_off, `transfers.${index}.day_off`);
      check(transfer.working_day, `transfers.${index}.working_day`);
    }
  } else {
    for (const [index, day] of loaded.data.non_working_weekdays.entries()) {
      check(day.date, `non_working_weekdays.${index}`);
    }
    for (const [index, day] of loaded.data.working_weekends.entries()) {
      check(day.date, `working_weekends.${index}`);
    }
  }
  if (issues.length > 0) {
    throw new DomainError(
      ErrorCodes.CONFIG_INVALID,
      `Файл календаря ${file}: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}. Calendar file ${file} is invalid.`,
      { issues },
    );
  }
}

let defaultRepository: CalendarRepository | undefined;

/** The package's own calendars/ folder, opened on first use. */
export function defaultCalendarRepository(): CalendarRepository {
  defaultRepository ??= createCalendarRepository();
  return defaultRepository;
}
