import { describe, expect, it } from 'vitest';
import type { RetentionRule } from '../register/register.schema.js';
import { retentionEnd } from './retention.rules.js';

const tz = 'Asia/Almaty';
const collectedAt = new Date('2025-01-10T06:00:00Z');
const months = (n: number): RetentionRule => ({ kind: 'after_collection', duration: { months: n } });
const dependsOn = (...rules: RetentionRule[]): RetentionRule => ({
  kind: 'depends_on',
  criterion: { ru: 'вида аналитики' },
  options: rules.map((rule, i) => ({ id: `o${i}`, label: { ru: `вариант ${i}` }, rule })),
});

describe('a "depending on" rule with no option chosen', () => {
  it('ends with its longest option', () => {
    expect(retentionEnd(dependsOn(months(14), months(24)), { collectedAt }, tz)).toEqual({
      endsAt: new Date('2027-01-10T19:00:00Z'),
    });
  });

  it('has no end while its longest option has none (until liquidation)', () => {
    expect(retentionEnd(dependsOn(months(14), { kind: 'until_liquidation' }), { collectedAt }, tz)).toEqual({
      endsAt: null,
      undetermined: 'option_not_chosen',
    });
  });

  it('a chosen option still governs', () => {
    expect(retentionEnd(dependsOn(months(14), months(24)), { collectedAt, option: 'o0' }, tz).endsAt).toEqual(
      new Date('2026-03-10T19:00:00Z'),
    );
  });
});
