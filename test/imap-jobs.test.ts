import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningJobs, startJobs } from '../src/jobs/jobs.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { parseImapUrl } from '../src/modules/mail/imap-poller.js';
import { createSmtpMailer } from '../src/modules/mail/mailer.js';
import { dovecotAvailable, startTestImap, type TestImap } from './support/dovecot.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';
import { createSecondInstance, createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

const fixture = (name: string) => readFileSync(fromPackageRoot('test', 'fixtures', 'mail', name));

describe('IMAP URL', () => {
  it('reads host, port, TLS, user and mailbox, and refuses what it cannot use without echoing the password', () => {
    expect(parseImapUrl('imaps://privacy%40nextbot.kz:s3cret@mail.nextbot.kz/Privacy')).toEqual({
      host: 'mail.nextbot.kz',
      port: 993,
      secure: true,
      user: 'privacy@nextbot.kz',
      password: 's3cret',
      mailbox: 'Privacy',
    });
    expect(parseImapUrl('imap://u:p@127.0.0.1:1143')).toMatchObject({
      port: 1143,
      secure: false,
      mailbox: 'INBOX',
    });
    for (const bad of ['http://u:p@host/INBOX', 'imap://host/INBOX', 'not a url']) {
      expect(() => parseImapUrl(bad)).toThrow(/IMAP_URL/);
    }
    try {
      parseImapUrl('pop3://u:hunter2@host');
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});

describe.skipIf(!dovecotAvailable).each(storeKinds())(
  'privacy mailbox on a real IMAP server (dovecot), %s',
  (kind) => {
    let imap: TestImap;
    let smtp: TestSmtp;
    let t: TestAmanat;
    let subjectId: string;
    const now = new Date('2026-03-25T06:00:00Z');

    const deliver = (...messages: Buffer[]) => imap.deliver(...messages);

    beforeAll(async () => {
      [imap, smtp] = await Promise.all([startTestImap(), startTestSmtp()]);
      t = await createTestAmanat(kind, {
        clock: () => now,
        mailer: createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' }),
        imapUrl: imap.url,
      });
      subjectId = (await t.amanat.vault.ensureSubject('test', { email: 'aigerim@example.kz' })).subjectId;
    });
    afterAll(async () => {
      await t?.close();
      await Promise.all([imap?.stop(), smtp?.close()]);
    });

    it('the seed withdrawal e-mail becomes a withdrawal request of its sender with the right due date', async () => {
      await deliver(fixture('withdrawal-ru.eml'), fixture('question-cp1251.eml'));
      const poller = t.amanat.mailPoller!;
      const first = await poller.poll();
      expect(first.fetched).toBe(2);
      const [withdrawal, question] = first.results;
      expect(withdrawal).toMatchObject({
        classification: 'consent_withdrawal',
        request: { type: 'consent_withdrawal', subjectId, dueDate: '2026-04-08', channel: 'email' },
      });
      expect(question!.classification).toBe('unclassified');

      // Nothing new: nothing read. One more letter: only it is read.
      expect((await poller.poll()).fetched).toBe(0);
      await deliver(fixture('withdrawal-koi8r.eml'));
      const third = await poller.poll();
      expect(third.fetched).toBe(1);
      expect(third.results[0]!.classification).toBe('consent_withdrawal');

      // A crash after taking a message but before moving the cursor: the re-read takes nothing twice.
      await t.stores.sql.query('DELETE FROM mailbox_cursors');
      const again = await poller.poll();
      expect(again.fetched).toBe(3);
      expect(again.results.every((r) => r.alreadyTaken)).toBe(true);
      const requests = await t.stores.sql.query('SELECT id FROM subject_requests');
      expect(requests).toHaveLength(3);
    });

    it('pg-boss runs the mailbox poll and the digest as scheduled jobs on this store', async () => {
      let jobs: RunningJobs | undefined;
      const log: string[] = [];
      try {
        jobs = await startJobs(t.amanat, {
          digestCron: '0 9 * * *',
          mailPollCron: '* * * * *',
          log: (line) => log.push(line),
        });
        await deliver(
          Buffer.from(
            'From: new@example.kz\r\nTo: privacy@nextbot.kz\r\nSubject: =?utf-8?B?0J7RgtC30YvQsiDRgdC+0LPQu9Cw0YHQuNGPINC90LAg0L7QsdGA0LDQsdC+0YLQutGDINC/0LXRgNGB0L7QvdCw0LvRjNC90YvRhSDQtNCw0L3QvdGL0YU=?=\r\n' +
              'Date: Wed, 25 Mar 2026 10:00:00 +0500\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nПрошу.\r\n',
          ),
        );
        await jobs.runNow('mail-poll');
        const sent = smtp.messages.length;
        await jobs.runNow('requests-digest');
        const digest = await smtp.waitFor(sent + 1);
        expect(digest.to).toMatchObject({ text: t.amanat.rules.register.operator.responsible_person.email });
        expect(digest.subject).toContain('Обращения субъектов на 2026-03-25');
        // The unclassified question of 24 March runs on the shortest deadline: due tomorrow, 26 March.
        expect(digest.text).toContain('Срок завтра (1)');
        expect(digest.text).toContain('Обращение без определённого типа');
        expect(digest.text).not.toContain('aigerim');
        // The poll job ran too (jobs are taken in parallel; wait for the request it makes).
        for (let i = 0; i < 100; i++) {
          const rows = await t.stores.sql.query('SELECT 1 FROM subject_requests');
          if (rows.length === 4) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(await t.stores.sql.query('SELECT 1 FROM subject_requests')).toHaveLength(4);
      } finally {
        await jobs?.stop();
      }
    });
  },
);

describe.skipIf(!storeKinds().includes('postgres'))('jobs with two instances on one PostgreSQL', () => {
  it('a job sent once runs once, whichever instance takes it', async () => {
    const smtp = await startTestSmtp();
    const mailer = createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' });
    const now = () => new Date('2026-03-25T06:00:00Z');
    const first = await createTestAmanat('postgres', { clock: now, mailer });
    const second = await createSecondInstance(first, { clock: now, mailer });
    const jobs: RunningJobs[] = [];
    try {
      await first.amanat.requests.submit('test', {
        type: 'blocking',
        channel: 'api',
        contact: { email: 'a@example.kz' },
      });
      const options = { digestCron: '0 9 * * *', mailPollCron: '* * * * *', log: () => {} };
      jobs.push(await startJobs(first.amanat, options), await startJobs(second, options));
      for (let i = 0; i < 5; i++) await jobs[i % 2]!.runNow('requests-digest');
      await smtp.waitFor(5);
      // Workers of both instances poll every 2 s: give a double a chance to show before counting.
      await new Promise((r) => setTimeout(r, 4500));
      expect(smtp.messages).toHaveLength(5);
    } finally {
      for (const j of jobs) await j.stop();
      await second.close();
      await first.close();
      await smtp.close();
    }
  });
});
