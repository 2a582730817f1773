// Counts for the console's charts: requests received and answered per week (and how many on time), consents
// granted and withdrawn per purpose, values destroyed per month. Only counts: no subject, no value, no text.
import type { Sql } from '../../db/database.js';
import { addDays, isoWeekday, localDateOf, parseIsoDate } from '../calendar/dates.js';
import type { RegisterRules } from '../rules/register-rules.js';

export interface WeekOfRequests {
  /** The Monday the week starts on (operator's time zone). */
  week: string;
  received: number;
  /** Answered or refused (a reasoned refusal is an answer too) in that week. */
  answered: number;
  /** Of those, closed by their deadline. */
  onTime: number;
}

export interface Stats {
  requestsPerWeek: WeekOfRequests[];
  consentsPerPurpose: { purposeId: string; granted: number; withdrawn: number }[];
  destroyedPerMonth: { month: string; values: number }[];
}

/** The Monday of the week `date` falls in. */
function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(parseIsoDate(date)));
}

/** Every month from `from` (YYYY-MM) to `to`, both included. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let key = from; key <= to; ) {
    out.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return out;
}

export function createStats(deps: { sql: Sql; rules: RegisterRules; clock: () => Date }) {
  const { sql, rules, clock } = deps;
  const timeZone = rules.register.operator.timezone;

  async function requestsPerWeek(firstWeek: string, weeks: string[]): Promise<WeekOfRequests[]> {
    // cross-module read: subject_requests (owner: requests) — counts only.
    const received = await sql.query<{ week: string; n: string | number }>(
      `SELECT to_char(date_trunc('week', received_at AT TIME ZONE $1), 'YYYY-MM-DD') AS week, count(*) AS n
       FROM subject_requests WHERE (received_at AT TIME ZONE $1)::date >= $2::date GROUP BY 1`,
      [timeZone, firstWeek],
    );
    // cross-module read: subject_requests (owner: requests) — counts only.
    const answered = await sql.query<{ week: string; n: string | number; on_time: string | number }>(
      `SELECT to_char(date_trunc('week', closed_at AT TIME ZONE $1), 'YYYY-MM-DD') AS week, count(*) AS n,
              count(*) FILTER (WHERE closed_at <= due_at) AS on_time
       FROM subject_requests
       WHERE status IN ('answered', 'refused') AND closed_at IS NOT NULL
         AND (closed_at AT TIME ZONE $1)::date >= $2::date
       GROUP BY 1`,
      [timeZone, firstWeek],
    );
    const receivedBy = new Map(received.map((r) => [r.week, Number(r.n)]));
    const answeredBy = new Map(answered.map((r) => [r.week, r]));
    return weeks.map((week) => ({
      week,
      received: receivedBy.get(week) ?? 0,
      answered: Number(answeredBy.get(week)?.n ?? 0),
      onTime: Number(answeredBy.get(week)?.on_time ?? 0),
    }));
  }

  async function consentsPerPurpose(): Promise<Stats['consentsPerPurpose']> {
    // cross-module read: consents (owner: consents) — counts only.
    const rows = await sql.query<{
      purpose_id: string;
      granted: string | number;
      withdrawn: string | number;
    }>(
      `SELECT purpose_id, count(*) FILTER (WHERE status = 'active') AS granted,
              count(*) FILTER (WHERE status = 'withdrawn') AS withdrawn
       FROM consents GROUP BY purpose_id`,
    );
    const counted = new Map(rows.map((r) => [r.purpose_id, r]));
    // Every purpose of the register in its order, then any purpose a consent names that the register dropped.
    const ids = [...rules.purposes().map((p) => p.id), ...rows.map((r) => r.purpose_id)];
    return [...new Set(ids)].map((purposeId) => ({
      purposeId,
      granted: Number(counted.get(purposeId)?.granted ?? 0),
      withdrawn: Number(counted.get(purposeId)?.withdrawn ?? 0),
    }));
  }

  async function destroyedPerMonth(fromMonth: string, toMonth: string): Promise<Stats['destroyedPerMonth']> {
    // cross-module read: retention_runs (owner: retention) — the tally of each finished sweep.
    const rows = await sql.query<{ month: string; n: string | number }>(
      `SELECT to_char(date_trunc('month', finished_at AT TIME ZONE $1), 'YYYY-MM') AS month,
              sum(values_destroyed) AS n
       FROM retention_runs
       WHERE status = 'completed' AND finished_at IS NOT NULL
         AND (finished_at AT TIME ZONE $1)::date >= $2::date
       GROUP BY 1`,
      [timeZone, `${fromMonth}-01`],
    );
    const by = new Map(rows.map((r) => [r.month, Number(r.n)]));
    return monthsBetween(fromMonth, toMonth).map((month) => ({ month, values: by.get(month) ?? 0 }));
  }

  /** The last `weeks` weeks (this one included) and the months they touch. */
  async function stats(weeks: number): Promise<Stats> {
    const today = localDateOf(clock(), timeZone);
    const thisWeek = mondayOf(today);
    const weekList = Array.from({ length: weeks }, (_, i) => addDays(thisWeek, -7 * (weeks - 1 - i)));
    const firstWeek = weekList[0]!;
    return {
      requestsPerWeek: await requestsPerWeek(firstWeek, weekList),
      consentsPerPurpose: await consentsPerPurpose(),
      destroyedPerMonth: await destroyedPerMonth(firstWeek.slice(0, 7), today.slice(0, 7)),
    };
  }

  return { stats };
}

export type StatsService = ReturnType<typeof createStats>;
