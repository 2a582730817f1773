import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { dueDate } from './calendar.js';
import { endOfLocalDay, formatInstantInZone, localDateOf } from './dates.js';

const almaty = { country: 'KZ' as const, timezone: 'Asia/Almaty' };

describe('dueDate', () => {
  it('counts from the local date: 23:30 UTC on 19 March is already Friday 20 March in Almaty (UTC+5)', () => {
    const receivedAt = new Date('2026-03-19T23:30:00Z');
    expect(localDateOf(receivedAt, 'Asia/Almaty')).toBe('2026-03-20');
    const due = dueDate(receivedAt, { amount: 10, unit: 'working_days' }, almaty);
    expect(due).toEqual({
      dueDate: '2026-04-08',
      dueAt: '2026-04-08T23:59:59.999+05:00',
      unconfirmedYears: [],
    });
    expect(new Date(due.dueAt).toISOString()).toBe('2026-04-08T18:59:59.999Z');
  });

  it('gives a different answer for the same instant counted in UTC (the day before)', () => {
    const due = dueDate(
      new Date('2026-03-19T23:30:00Z'),
      { amount: 10, unit: 'working_days' },
      { country: 'KZ', timezone: 'UTC' },
    );
    // From Thursday 19 March: 20 (1), 26, 27, 30, 31, 1, 2, 3, 6, 7 April.
    expect(due.dueDate).toBe('2026-04-07');
    expect(due.dueAt).toBe('2026-04-07T23:59:59.999+00:00');
  });

  it('adds calendar days from the local date (RU consent withdrawal: 30 days)', () => {
    const due = dueDate(
      new Date('2026-03-19T21:30:00Z'),
      { amount: 30, unit: 'calendar_days' },
      { country: 'RU', timezone: 'Europe/Moscow' },
    );
    // 21:30 UTC is 00:30 on 20 March in Moscow (UTC+3).
    expect(due).toEqual({
      dueDate: '2026-04-19',
      dueAt: '2026-04-19T23:59:59.999+03:00',
      unconfirmedYears: [],
    });
  });

  it('adds hours to the instant itself (RU breach notice: 24 hours)', () => {
    const due = dueDate(
      new Date('2026-03-19T23:30:00Z'),
      { amount: 24, unit: 'hours' },
      { country: 'RU', timezone: 'Europe/Moscow' },
    );
    expect(due).toEqual({
      dueDate: '2026-03-21',
      dueAt: '2026-03-21T02:30:00.000+03:00',
      unconfirmedYears: [],
    });
  });

  it('reports unconfirmed calendar years the result rests on', () => {
    const due = dueDate(new Date('2026-12-28T06:00:00Z'), { amount: 15, unit: 'working_days' }, almaty);
    expect(due.dueDate).toBe('2027-01-21');
    expect(due.unconfirmedYears).toEqual([2027]);
  });

  it('throws CALENDAR_YEAR_MISSING when the count runs into a year without data', () => {
    try {
      dueDate(new Date('2027-12-20T06:00:00Z'), { amount: 15, unit: 'working_days' }, almaty);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCodes.CALENDAR_YEAR_MISSING);
    }
  });

  it('rejects an unknown time zone', () => {
    expect(() =>
      dueDate(new Date(), { amount: 1, unit: 'hours' }, { country: 'KZ', timezone: 'Mars/Olympus' }),
    ).toThrow(/Mars\/Olympus/);
  });
});

describe('time-zone helpers', () => {
  it('finds the end of a local day across a daylight-saving change (Berlin, 29 March 2026)', () => {
    // Clocks go from 02:00 to 03:00 CET→CEST that night; the day ends at 23:59:59.999 +02:00.
    expect(formatInstantInZone(endOfLocalDay('2026-03-29', 'Europe/Berlin'), 'Europe/Berlin')).toBe(
      '2026-03-29T23:59:59.999+02:00',
    );
    expect(endOfLocalDay('2026-03-28', 'Europe/Berlin').toISOString()).toBe('2026-03-28T22:59:59.999Z');
  });

  it('formats negative offsets', () => {
    expect(formatInstantInZone(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(
      '2026-01-15T07:00:00.000-05:00',
    );
  });
});
