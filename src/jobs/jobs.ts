// Scheduled work through pg-boss, on whichever store Amanat runs on: the daily digest of due and overdue
// requests, and polling the privacy mailbox. pg-boss schedules cluster-wide and hands each job to one worker
// (SELECT … FOR UPDATE SKIP LOCKED), so several instances on one PostgreSQL never run a job twice; a job cut
// off by a crash is retried after it expires, and both handlers are safe to run again (the digest may then be
// sent twice; the mailbox poll resumes at its cursor and the intake takes each message once).
import PgBoss from 'pg-boss';
import type { Amanat } from '../app/amanat.js';
import { createImapPoller, parseImapUrl } from '../modules/mail/imap-poller.js';

export const JOB_NAMES = { digest: 'requests-digest', mailPoll: 'mail-poll' } as const;

export interface JobOptions {
  /** Cron (5 fields) in the operator's time zone; the digest goes to the register's responsible person. */
  digestCron: string;
  /** imap://user:pass@host/INBOX of the privacy mailbox; no polling without it. */
  imapUrl?: string;
  /** Cron of the mailbox poll; every minute by default (pg-boss's finest grain). */
  mailPollCron: string;
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
  if (options.imapUrl) {
    const poller = createImapPoller({
      stores: amanat.stores,
      intake: amanat.mailIntake,
      target: parseImapUrl(options.imapUrl),
    });
    await boss.schedule(JOB_NAMES.mailPoll, options.mailPollCron, {}, { tz: timezone });
    await boss.work(JOB_NAMES.mailPoll, async () => {
      const result = await poller.poll();
      if (result.fetched > 0)
        options.log(`jobs: mailbox ${result.mailbox}: ${result.fetched} new message(s)`);
    });
  } else {
    await boss.unschedule(JOB_NAMES.mailPoll);
  }

  return {
    boss,
    runNow: (name) => boss.send(name, {}),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
