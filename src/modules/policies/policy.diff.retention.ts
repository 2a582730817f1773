// Whether a new retention rule keeps a subject's data longer than the old one: the test of "longer retention"
// that makes a change widen what the subject agreed to.
//
// Every rule has a length: how long processing may last at most, in three ranks.
//   rank 0 — a period counted from a fixed moment: «14 месяцев с момента сбора», a fixed date;
//   rank 1 — until an event the operator does not control, plus any period after it: until consent is
//            withdrawn, until the purpose is achieved, the contract's term (+ N years after it), N after the
//            subject's last activity. No bound can be given in advance: it may last for ever.
//   rank 2 — until the operator is liquidated: for as long as the operator exists.
// A higher rank is longer; within a rank the period after the event decides. So «14 месяцев» → «до отзыва
// согласия» is longer (a fixed bound became an open one) and «до отзыва согласия» → «24 месяца» is shorter.
// «first_of» lasts as long as its shortest branch, «depends_on» as its longest option (the subject does not
// choose the option). A fixed date against a period cannot be compared without a calendar: such a change
// counts as longer, because a subject cannot be told it is not.
import type { Duration, RetentionRule } from '../register/register.schema.js';

interface Length {
  rank: 0 | 1 | 2;
  /** The period in days (rank 0: from collection; rank 1: after the event); null for a fixed date. */
  days: number | null;
  /** A fixed end date (rank 0 only). */
  date?: string;
}

export type RetentionComparison = 'longer' | 'shorter' | 'same' | 'incomparable';

/** Days in a duration, by average lengths (a year 365.25 days, a month 30.44): enough to order periods. */
export function durationDays(d: Duration): number {
  return (d.years ?? 0) * 365.25 + (d.months ?? 0) * 30.44 + (d.days ?? 0);
}

function compareLengths(a: Length, b: Length): RetentionComparison {
  if (a.rank !== b.rank) return a.rank > b.rank ? 'longer' : 'shorter';
  if (a.days !== null && b.days !== null) {
    if (a.days === b.days) return 'same';
    return a.days > b.days ? 'longer' : 'shorter';
  }
  if (a.date !== undefined && b.date !== undefined) {
    if (a.date === b.date) return 'same';
    return a.date > b.date ? 'longer' : 'shorter';
  }
  return 'incomparable';
}

/** The longest of several lengths; an incomparable pair keeps the first one met (callers compare again). */
function pick(lengths: Length[], want: 'longer' | 'shorter'): Length {
  let best = lengths[0]!;
  for (const l of lengths.slice(1)) if (compareLengths(l, best) === want) best = l;
  return best;
}

export function retentionLength(rule: RetentionRule): Length {
  switch (rule.kind) {
    case 'until_liquidation':
      return { rank: 2, days: 0 };
    case 'contract_period':
      return { rank: 1, days: rule.after_end ? durationDays(rule.after_end) : 0 };
    case 'until_consent_withdrawal':
    case 'until_purpose_achieved':
      return { rank: 1, days: 0 };
    case 'after_last_activity':
      return { rank: 1, days: durationDays(rule.duration) };
    case 'after_collection':
      return { rank: 0, days: durationDays(rule.duration) };
    case 'fixed_date':
      return { rank: 0, days: null, date: rule.date };
    case 'first_of':
      return pick(rule.rules.map(retentionLength), 'shorter');
    case 'depends_on':
      return pick(
        rule.options.map((o) => retentionLength(o.rule)),
        'longer',
      );
  }
}

/** How the rule `after` compares with `before`: longer, shorter, the same length, or not comparable. */
export function compareRetention(before: RetentionRule, after: RetentionRule): RetentionComparison {
  return compareLengths(retentionLength(after), retentionLength(before));
}

/** Whether moving from `before` to `after` keeps any subject's data longer (incomparable counts as longer). */
export function retentionLonger(before: RetentionRule, after: RetentionRule): boolean {
  if (before.kind === 'depends_on' && after.kind === 'depends_on') {
    // Option by option: a subject whose data falls under option «14 months» is kept longer when that option
    // becomes 24 months, though the longest option did not move. A new option is measured against the
    // longest old one.
    const longestBefore = retentionLength(before);
    return after.options.some((option) => {
      const old = before.options.find((o) => o.id === option.id);
      const verdict = old
        ? compareRetention(old.rule, option.rule)
        : compareLengths(retentionLength(option.rule), longestBefore);
      return verdict === 'longer' || verdict === 'incomparable';
    });
  }
  const verdict = compareRetention(before, after);
  return verdict === 'longer' || verdict === 'incomparable';
}
