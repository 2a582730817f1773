// When a value's processing for one purpose must end, from the purpose's structured retention rule and the
// facts recorded about the subject. Pure: the sweep, the plan and every recomputation call the same code.
import { addDays, localDateOf, startOfLocalDay } from '../calendar/dates.js';
import type { Duration, RetentionRule } from '../register/register.schema.js';

/** What is known about one value held for one purpose. Absent facts mean "has not happened (yet)". */
export interface RetentionFacts {
  collectedAt: Date;
  /** End of the contract the value is held under (or of the subject's contract when the value names none). */
  contractEndAt?: Date | null;
  purposeAchievedAt?: Date | null;
  lastActivityAt?: Date | null;
  /** The day the operator declared its liquidation; "until liquidation" ends then. */
  liquidationAt?: Date | null;
  /** For a `depends_on` rule: the option chosen when the value was collected; absent, the longest applies. */
  option?: string | null;
}

export interface RetentionEnd {
  /** The instant from which the value may no longer be held for the purpose; null: no end is known yet. */
  endsAt: Date | null;
  /** Why no end can be known: a `depends_on` rule whose option was never chosen. */
  undetermined?: 'option_not_chosen' | 'unknown_option';
}

/**
 * The calendar date `duration` after the local date of `from`, as the instant the next day begins: a period of
 * 14 months from 10 Jan 2025 runs through 10 Mar 2026, so the value may be held until 11 Mar 2026 00:00 local.
 * Month arithmetic clamps to the month's last day (31 Jan + 1 month = 28/29 Feb), as civil-law periods do.
 */
export function periodEnd(from: Date, duration: Duration, timeZone: string): Date {
  // A sweep asks this for every value, and values collected together share the instant; reading a wall clock
  // through Intl costs ~20 µs, so answers are remembered (bounded).
  const cacheKey = `${from.getTime()}|${duration.years ?? 0}|${duration.months ?? 0}|${duration.days ?? 0}|${timeZone}`;
  const cached = periodEnds.get(cacheKey);
  if (cached) return new Date(cached);
  const end = computePeriodEnd(from, duration, timeZone);
  if (periodEnds.size >= 50_000) periodEnds.clear();
  periodEnds.set(cacheKey, end.getTime());
  return end;
}

const periodEnds = new Map<string, number>();

function computePeriodEnd(from: Date, duration: Duration, timeZone: string): Date {
  const [y, m, d] = localDateOf(from, timeZone).split('-').map(Number) as [number, number, number];
  const months = (duration.years ?? 0) * 12 + (duration.months ?? 0);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return startOfLocalDay(addDays(date, (duration.days ?? 0) + 1), timeZone);
}

const earliest = (dates: (Date | null)[]): Date | null => {
  const known = dates.filter((d): d is Date => d !== null);
  return known.length === 0 ? null : new Date(Math.min(...known.map((d) => d.getTime())));
};

/**
 * The end of processing for one purpose. `until_consent_withdrawal` has no end here: a withdrawal itself
 * releases the purpose or marks the value (the consent journal does it, with the obligation's deadline).
 */
export function retentionEnd(rule: RetentionRule, facts: RetentionFacts, timeZone: string): RetentionEnd {
  switch (rule.kind) {
    case 'until_liquidation':
      return { endsAt: facts.liquidationAt ?? null };
    case 'until_consent_withdrawal':
      return { endsAt: null };
    case 'until_purpose_achieved':
      return { endsAt: facts.purposeAchievedAt ?? null };
    case 'contract_period': {
      const end = facts.contractEndAt ?? null;
      if (!end || !rule.after_end) return { endsAt: end };
      return { endsAt: periodEnd(end, rule.after_end, timeZone) };
    }
    case 'after_collection':
      return { endsAt: periodEnd(facts.collectedAt, rule.duration, timeZone) };
    case 'after_last_activity':
      // Collecting the value is the subject's activity too: without a later one the period runs from it.
      return { endsAt: periodEnd(facts.lastActivityAt ?? facts.collectedAt, rule.duration, timeZone) };
    case 'fixed_date':
      return { endsAt: startOfLocalDay(addDays(rule.date, 1), timeZone) };
    case 'first_of': {
      const ends = rule.rules.map((child) => retentionEnd(child, facts, timeZone));
      const endsAt = earliest(ends.map((e) => e.endsAt));
      const undetermined = endsAt ? undefined : ends.find((e) => e.undetermined)?.undetermined;
      return undetermined ? { endsAt, undetermined } : { endsAt };
    }
    case 'depends_on': {
      if (!facts.option) {
        // No choice made at collection: the longest option applies until one is made, so the value still has
        // the end the register allows at most (purpose 7 of the seed: 24 months, never "for ever"). Where the
        // longest option has no known end yet (until liquidation, a contract still running), neither has this.
        const ends = rule.options.map((o) => retentionEnd(o.rule, facts, timeZone).endsAt);
        if (ends.some((e) => e === null)) return { endsAt: null, undetermined: 'option_not_chosen' };
        return { endsAt: new Date(Math.max(...ends.map((e) => e!.getTime()))) };
      }
      const option = rule.options.find((o) => o.id === facts.option);
      if (!option) return { endsAt: null, undetermined: 'unknown_option' };
      return retentionEnd(option.rule, facts, timeZone);
    }
  }
}

/** Options a purpose's rule lets the collector choose (for `depends_on`), in the register's order. */
export function retentionOptions(rule: RetentionRule): string[] {
  if (rule.kind === 'depends_on') return rule.options.map((o) => o.id);
  if (rule.kind === 'first_of') return rule.rules.flatMap(retentionOptions);
  return [];
}
