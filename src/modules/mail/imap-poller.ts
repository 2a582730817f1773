// Reads new messages of the privacy mailbox over IMAP and hands each to the intake. The mailbox is opened
// read-only: nothing is moved or flagged there. Where to go on is remembered per mailbox (UIDVALIDITY + last
// UID), after each message, so a crash re-reads at most the message it was on, and the intake's unique
// (mailbox, UIDVALIDITY, UID) makes that re-read a no-op. Several instances polling at once cannot double.
import { ImapFlow } from 'imapflow';
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { IngestResult, MailIntake } from './mail.intake.js';
import { createMailboxCursor } from './mailbox-cursor.js';

export interface ImapTarget {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
}

/** imap://user:password@host:143/INBOX, or imaps:// (TLS, port 993). The path names the mailbox (INBOX by default). */
export function parseImapUrl(url: string): ImapTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(url, 'не URL');
  }
  if (parsed.protocol !== 'imap:' && parsed.protocol !== 'imaps:')
    throw invalid(url, 'схема imap:// или imaps://');
  if (!parsed.username) throw invalid(url, 'нужен пользователь: imap://user:password@host/INBOX');
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

function invalid(url: string, expected: string) {
  const shown = url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@');
  return new DomainError(ErrorCodes.CONFIG_INVALID, `IMAP_URL «${shown}» неверен: ожидается ${expected}`, {
    issues: [{ path: 'IMAP_URL', message: expected }],
  });
}

export interface PollResult {
  mailbox: string;
  fetched: number;
  results: IngestResult[];
  /** Messages taken before a crash whose requests were made now. */
  resumed: number;
}

export function createImapPoller(deps: { stores: Stores; intake: MailIntake; target: ImapTarget }) {
  const { target } = deps;

  const cursor = createMailboxCursor({ stores: deps.stores, mailbox: target.mailbox });

  /** One pass: every message with a UID above the cursor, oldest first; `limit` bounds one pass. */
  async function poll(
    options: { limit?: number; onMessage?: (result: IngestResult) => void } = {},
  ): Promise<PollResult> {
    // Messages a crash left without their request are finished before new ones are read.
    const resumed = await deps.intake.resume();
    const client = new ImapFlow({
      host: target.host,
      port: target.port,
      secure: target.secure,
      auth: { user: target.user, pass: target.password },
      logger: false,
      // A local test server has a self-signed certificate; a real one is verified.
      tls: { rejectUnauthorized: target.host !== '127.0.0.1' && target.host !== 'localhost' },
    });
    await client.connect();
    const results: IngestResult[] = [];
    let fetched = 0;
    try {
      const mailbox = await client.mailboxOpen(target.mailbox, { readOnly: true });
      const uidValidity = Number(mailbox.uidValidity);
      const after = await cursor.read(uidValidity);
      if (mailbox.exists === 0) return { mailbox: target.mailbox, fetched, results, resumed: resumed.length };
      const limit = options.limit ?? 500;
      // UIDs first, then each message on its own: one large message never holds the rest in memory.
      const uids = ((await client.search({ uid: `${after + 1}:*` }, { uid: true })) || [])
        .filter((uid) => uid > after)
        .sort((a, b) => a - b)
        .slice(0, limit);
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true, uid: true }, { uid: true });
        if (message === false || !message.source) continue;
        fetched++;
        const result = await deps.intake.ingest(message.source, {
          kind: 'imap',
          mailbox: target.mailbox,
          uidValidity,
          uid,
        });
        results.push(result);
        options.onMessage?.(result);
        await cursor.advance(uidValidity, uid);
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return { mailbox: target.mailbox, fetched, results, resumed: resumed.length };
  }

  return { poll };
}

export type ImapPoller = ReturnType<typeof createImapPoller>;
