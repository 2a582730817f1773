// Scheduled work through pg-boss, on whichever store Amanat runs on: the daily digest of due and overdue
// requests, and polling the privacy mailbox. pg-boss schedules cluster-wide and hands each job to one worker
// (SELECT … FOR UPDATE SKIP LOCKED), so several instances on one PostgreSQL never run a job twice; a job cut
// off by a crash is retried after it expires, and both handlers are safe to run again (the digest may then be
// sent twice; the mailbox poll resumes at its cursor and the intake takes each message once).
import PgBoss from 'pg-boss';
import type { Amanat } from '../app/amanat.js';

export const JOB_NAMES = {
  digest: 'requests-digest',
  mailPoll: 'mail-poll',
  retentionSweep: 'retention-sweep',
  retentionRequests: 'retention-requests',
  staffMail: 'staff-mail',
} as const;

export interface JobOptions {
  /** Cron (5 fields) in the operator's time zone; the digest goes to the register's responsible person. */
  digestCron: string;
  /** Cron of the mailbox poll; every minute by default (pg-boss's finest grain). */
  mailPollCron: string;
  /** The daily sweep of expired data (02:30 by default). */
  retentionSweepCron?: string;
  /** Subject requests' destructions, answered with their acts (every 5 minutes by default). */
  retentionRequestsCron?: string;
  log: (line: string) => void;
}

export interface RunningJobs {
  boss: PgBoss;
  /** Runs a job now (as the schedule would), e.g. from the CLI or a test. */
  runNow(name: (typeof JOB_NAMES)[keyof typeof JOB_NAMES]): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startJobs(amanat: Amanat, options: JobOptions): Promise<RunningJobs> {
  const timezone = amanat.rules.register.operator.timezone;
  const boss = new PgBoss({
    ...amanat.stores.jobQueueOptions(),
    schema: 'pgboss',
  } as PgBoss.ConstructorOptions);
  boss.on('error', (error: Error) => options.log(`jobs: ${error.message}`));
  await boss.start();
  // Mail kept before a crash but never made into a request (any intake: file, API, IMAP) is finished now.
  const resumed = await amanat.mailIntake.resume();
  if (resumed.length > 0)
    options.log(`jobs: ${resumed.length} message(s) kept before a crash made into requests`);

  await boss.createQueue(JOB_NAMES.digest, { name: JOB_NAMES.digest, retryLimit: 3, expireInSeconds: 300 });
  await boss.schedule(JOB_NAMES.digest, options.digestCron, {}, { tz: timezone });
  await boss.work(JOB_NAMES.digest, async () => {
    if (!amanat.mailer.configured) {
      options.log('jobs: digest skipped — SMTP_URL is not set');
      return;
    }
    const result = await amanat.requests.sendDigest();
    options.log(
      `jobs: digest ${result.sent ? 'sent' : 'not needed'} (overdue ${result.overdue.length}, ` +
        `today ${result.dueToday.length}, tomorrow ${result.dueTomorrow.length})`,
    );
  });

  await boss.createQueue(JOB_NAMES.mailPoll, {
    name: JOB_NAMES.mailPoll,
    retryLimit: 0,
    expireInSeconds: 600,
  });
  const poller = amanat.mailPoller;
  if (poller) {
    await boss.schedule(JOB_NAMES.mailPoll, options.mailPollCron, {}, { tz: timezone });
    await boss.work(JOB_NAMES.mailPoll, async () => {
      const result = await poller.poll();
      if (result.fetched > 0)
        options.log(`jobs: mailbox ${result.mailbox}: ${result.fetched} new message(s)`);
    });
  } else {
    await boss.unschedule(JOB_NAMES.mailPoll);
  }

  // Letters to staff (password-reset links) written to the outbox by the request's transaction: sent here, so a
  // request never waits for SMTP. Every minute (pg-boss's finest grain); a failed letter waits for the next run.
  await boss.createQueue(JOB_NAMES.staffMail, {
    name: JOB_NAMES.staffMail,
    retryLimit: 0,
    expireInSeconds: 300,
    policy: 'singleton',
  });
  if (amanat.mailer.configured) {
    await boss.schedule(JOB_NAMES.staffMail, '* * * * *', {}, { tz: timezone });
    await boss.work(JOB_NAMES.staffMail, async () => {
      const result = await amanat.staff.sendQueuedMail();
      if (result.sent + result.failed > 0) {
        options.log(`jobs: staff mail: ${result.sent} sent, ${result.failed} failed (retried next minute)`);
      }
    });
  } else {
    await boss.unschedule(JOB_NAMES.staffMail);
  }

  // Sweeps: pg-boss hands each to one worker, and the sweep's own lock refuses a second run (CLI, API) meanwhile.
  // A sweep cut off by a crash is not retried by pg-boss: the next scheduled run finishes its work.
  const sweep = async (name: string, onlyRequests: boolean) => {
    await boss.createQueue(name, { name, retryLimit: 0, expireInSeconds: 6 * 3600, policy: 'singleton' });
    await boss.schedule(
      name,
      onlyRequests
        ? (options.retentionRequestsCron ?? '*/5 * * * *')
        : (options.retentionSweepCron ?? '30 2 * * *'),
      {},
      {
        tz: timezone,
      },
    );
    await boss.work(name, async () => {
      try {
        const result = await amanat.retentionSweeper.run({
          trigger: onlyRequests ? 'requests' : 'schedule',
          onlyRequests,
        });
        const done = result.valuesDestroyed + result.valuesAnonymised + result.valuesReleased;
        if (done > 0 || result.acts.length > 0 || !onlyRequests) {
          options.log(
            `jobs: retention ${onlyRequests ? 'requests' : 'sweep'}: ${result.valuesDestroyed} destroyed, ` +
              `${result.valuesAnonymised} anonymised, ${result.valuesReleased} released, ` +
              `${result.subjectsDestroyed} subjects gone, acts ${result.acts.map((a) => a.number).join(', ') || '—'}`,
          );
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'retention_busy') {
          options.log('jobs: retention skipped — another run holds the lock');
          return;
        }
        throw error;
      }
    });
  };
  await sweep(JOB_NAMES.retentionSweep, false);
  await sweep(JOB_NAMES.retentionRequests, true);

  return {
    boss,
    runNow: (name) => boss.send(name, {}),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
