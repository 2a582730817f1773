// What the console's front page shows about the machinery: the mailbox poller, the scheduled jobs, the next
// retention sweep and the audit chain. Read from where the truth is kept — pg-boss's own tables (every instance
// on the store writes them), the schedule pg-boss holds, the chain itself — never from this process's memory
// alone. What no table says (a store on which no scheduler ever ran) is answered as null, not guessed.
import cronParser from 'cron-parser';
import type { Sql } from '../../db/database.js';
import type { AuditVerification } from '../audit/audit.verify.js';

export interface SystemStatus {
  mailPoller: { configured: boolean; lastPollAt: string | null; lastError: string | null };
  /** null: no scheduler has ever run on this store (JOBS=false everywhere). */
  jobs: {
    queued: number;
    failed: number;
    lastFailure: { job: string; at: string; message: string } | null;
  } | null;
  nextSweepAt: string | null;
  auditChain: { ok: boolean; entries: number; checkedAt: string };
}

export interface SystemStatusDeps {
  sql: Sql;
  clock: () => Date;
  mailPollerConfigured: boolean;
  verifyAudit: () => Promise<AuditVerification>;
  /** The pg-boss queue names of the mailbox poll and the daily retention sweep. */
  jobNames: { mailPoll: string; retentionSweep: string };
  /** How long a verification of the chain is reused (10 minutes by default): a walk reads every entry. */
  auditCheckTtlMs?: number;
}

/** Failures counted over the last week: pg-boss deletes archived jobs after 7 days. */
const FAILED_WINDOW = "interval '7 days'";
const MESSAGE_CHARS = 300;

/** A job's error message as shown to staff: bounded, with anything that looks like an address or a phone masked. */
export function safeMessage(text: string): string {
  return text
    .replace(/[^\s@<>"':;,]+@[A-Za-z0-9.-]+/g, '***@***')
    .replace(/\+?\d[\d\s()-]{8,}\d/g, '***')
    .slice(0, MESSAGE_CHARS);
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);

export function createSystemStatus(deps: SystemStatusDeps) {
  const { sql, clock, jobNames } = deps;
  const ttl = deps.auditCheckTtlMs ?? 10 * 60_000;
  let checked: { at: Date; result: AuditVerification } | null = null;
  let checking: Promise<{ at: Date; result: AuditVerification }> | null = null;

  /** The chain's verdict, at most `ttl` old; callers arriving during a walk share it. */
  async function auditChain(): Promise<SystemStatus['auditChain']> {
    if (!checked || clock().getTime() - checked.at.getTime() > ttl) {
      checking ??= deps
        .verifyAudit()
        .then((result) => ({ at: clock(), result }))
        .finally(() => {
          checking = null;
        });
      checked = await checking;
    }
    return { ok: checked.result.ok, entries: checked.result.entries, checkedAt: checked.at.toISOString() };
  }

  async function hasScheduler(): Promise<boolean> {
    const [row] = await sql.query<{ job: string | null; archive: string | null }>(
      "SELECT to_regclass('pgboss.job')::text AS job, to_regclass('pgboss.archive')::text AS archive",
    );
    return Boolean(row?.job && row.archive);
  }

  // Read-only: pg-boss's tables are written by the library alone (docs/ARCHITECTURE.md).
  const jobRows = (where: string) =>
    `SELECT name, state, completed_on, output FROM pgboss.job WHERE ${where}
     UNION ALL SELECT name, state, completed_on, output FROM pgboss.archive WHERE ${where}`;

  async function mailPoller(scheduler: boolean): Promise<SystemStatus['mailPoller']> {
    if (!scheduler) return { configured: deps.mailPollerConfigured, lastPollAt: null, lastError: null };
    const [done] = await sql.query<{ at: Date | string | null }>(
      `SELECT max(completed_on) AS at FROM (${jobRows("name = $1 AND state = 'completed'")}) j`,
      [jobNames.mailPoll],
    );
    const [failed] = await sql.query<{ at: Date | string; message: string | null }>(
      `SELECT completed_on AS at, output ->> 'message' AS message FROM (${jobRows("name = $1 AND state = 'failed'")}) j
       WHERE completed_on IS NOT NULL ORDER BY completed_on DESC LIMIT 1`,
      [jobNames.mailPoll],
    );
    const lastPollAt = iso(done?.at);
    // An error is reported while no poll has succeeded since.
    const current = failed && (!lastPollAt || new Date(failed.at).getTime() > Date.parse(lastPollAt));
    return {
      configured: deps.mailPollerConfigured,
      lastPollAt,
      lastError: current ? safeMessage(failed.message ?? 'failed') : null,
    };
  }

  async function jobs(): Promise<NonNullable<SystemStatus['jobs']>> {
    const [counts] = await sql.query<{ queued: string | number; failed: string | number }>(
      `SELECT (SELECT count(*) FROM pgboss.job WHERE state IN ('created', 'retry') AND start_after <= now()) AS queued,
              (SELECT count(*) FROM (${jobRows(`state = 'failed' AND completed_on > now() - ${FAILED_WINDOW}`)}) f) AS failed`,
    );
    const [last] = await sql.query<{ name: string; completed_on: Date | string; message: string | null }>(
      `SELECT name, completed_on, output ->> 'message' AS message
       FROM (${jobRows(`state = 'failed' AND completed_on > now() - ${FAILED_WINDOW}`)}) f
       ORDER BY completed_on DESC LIMIT 1`,
    );
    return {
      queued: Number(counts?.queued ?? 0),
      failed: Number(counts?.failed ?? 0),
      lastFailure: last
        ? { job: last.name, at: iso(last.completed_on)!, message: safeMessage(last.message ?? 'failed') }
        : null,
    };
  }

  /** The next run of the sweep as pg-boss has it scheduled (cron and time zone from its schedule table). */
  async function nextSweepAt(): Promise<string | null> {
    const [row] = await sql.query<{ cron: string; timezone: string | null }>(
      'SELECT cron, timezone FROM pgboss.schedule WHERE name = $1',
      [jobNames.retentionSweep],
    );
    if (!row) return null;
    try {
      const next = cronParser
        .parseExpression(row.cron, { currentDate: clock(), tz: row.timezone ?? undefined })
        .next();
      return next.toDate().toISOString();
    } catch {
      return null;
    }
  }

  async function status(): Promise<SystemStatus> {
    const scheduler = await hasScheduler();
    return {
      mailPoller: await mailPoller(scheduler),
      jobs: scheduler ? await jobs() : null,
      nextSweepAt: scheduler ? await nextSweepAt() : null,
      auditChain: await auditChain(),
    };
  }

  return { status };
}

export type SystemStatusService = ReturnType<typeof createSystemStatus>;
