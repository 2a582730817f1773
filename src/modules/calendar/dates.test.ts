import { describe, expect, it } from 'vitest';
import { addDays, formatDayNumber, isIsoDate, isoWeekday, parseIsoDate, tryParseIsoDate } from './dates.js';

describe('plain dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
    expect(isIsoDate('2026-03-01T00:00:00Z')).toBe(false);
  });

  it('round-trips through day numbers', () => {
    expect(tryParseIsoDate('1970-01-01')).toBe(0);
    expect(formatDayNumber(parseIsoDate('2026-03-20'))).toBe('2026-03-20');
  });

  it('knows the ISO weekday', () => {
    expect(isoWeekday(parseIsoDate('2026-03-20'))).toBe(5);
    expect(isoWeekday(parseIsoDate('2026-03-22'))).toBe(7);
    expect(isoWeekday(parseIsoDate('1969-12-29'))).toBe(1);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
