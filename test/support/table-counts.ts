// Row counts of every table of both stores, to show that a refused call wrote nothing. Refusals that are
// themselves recorded (a refused access, a wrong code, a refused disclosure) are counted apart: they are the
// only audit entries a refused call may leave.
import type { Stores } from '../../src/db/database.js';

/** Audit actions that record a refusal: the one trace a refused call is meant to leave. */
export const REFUSAL_ACTIONS = [
  'access.refused',
  'disclosure.refused',
  'request.verification_failed',
  'staff.sign_in_refused',
  'staff.locked',
];

export type TableCounts = Record<string, number>;

/** Rows per table of the data store (schema public), the key store's keys, and audit entries by kind. */
export async function tableCounts(stores: Stores): Promise<TableCounts> {
  const tables = await stores.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: TableCounts = {};
  for (const { name } of tables) {
    // rate_limits counts requests, refused ones included (PostgreSQL): a counter, not something the call wrote.
    if (name === 'audit_log' || name === 'rate_limits' || name.startsWith('__drizzle')) continue;
    const [row] = await stores.sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row!.n);
  }
  const [audit] = await stores.sql.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM audit_log WHERE NOT (action = ANY($1::text[]))',
    [REFUSAL_ACTIONS],
  );
  counts['audit_log (not refusals)'] = Number(audit!.n);
  const [keys] = await stores.keySql.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM amanat_keys.subject_keys',
  );
  counts['amanat_keys.subject_keys'] = Number(keys!.n);
  return counts;
}

/** The tables whose counts differ, as "table: before → after". */
export function countChanges(before: TableCounts, after: TableCounts): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((n) => before[n] !== after[n]).map((n) => `${n}: ${before[n]} → ${after[n]}`);
}
