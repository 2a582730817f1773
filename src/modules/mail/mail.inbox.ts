// The kept messages (inbound_messages): every e-mail received at the privacy address, sealed, whatever became
// of it. An IMAP message is kept once per (mailbox, UIDVALIDITY, UID) however often it is seen; the request it
// became is linked afterwards, and a message left without one is found again (unfinished, pending).
import type { Stores } from '../../db/database.js';
import { openText, sealText } from '../../lib/crypto.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DroppedAttachment } from './mail.table.js';

export interface MailSource {
  kind: 'file' | 'imap' | 'api';
  mailbox?: string;
  uidValidity?: number;
  uid?: number;
}

export type InboundClassification = 'consent_withdrawal' | 'unclassified' | 'duplicate' | 'rejected';

const mailAad = (id: string) => `mail:${id}`;

export function createInbox(deps: {
  stores: Stores;
  audit: AuditService;
  evidenceKey: Buffer;
  clock: () => Date;
}) {
  /** Keeps the message (sealed) with its audit entry; false when this IMAP message was kept before. */
  async function keep(
    id: string,
    raw: Buffer,
    source: MailSource,
    fields: {
      classification: InboundClassification;
      note?: string;
      senderHash?: Buffer | null;
      requestId?: string | null;
      dropped: DroppedAttachment[];
    },
  ): Promise<boolean> {
    const now = deps.clock();
    return deps.stores.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO inbound_messages (id, received_at, source, mailbox, uid_validity, uid, size, raw_ciphertext,
           sender_hash, classification, note, request_id, dropped_attachments)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)
         ON CONFLICT (mailbox, uid_validity, uid) WHERE mailbox IS NOT NULL DO NOTHING RETURNING id`,
        [
          id,
          now,
          source.kind,
          source.mailbox ?? null,
          source.uidValidity ?? null,
          source.uid ?? null,
          raw.length,
          sealText(deps.evidenceKey, raw.toString('base64'), mailAad(id)),
          fields.senderHash ?? null,
          fields.classification,
          fields.note ?? null,
          fields.requestId ?? null,
          JSON.stringify(fields.dropped),
        ],
      );
      if (inserted.length === 0) return false;
      await deps.audit.append(tx, [
        {
          actor: `mail:${source.kind}`,
          action: 'mail.receive',
          details: {
            messageId: id,
            classification: fields.classification,
            size: raw.length,
            dropped: fields.dropped.length,
            ...(fields.requestId ? { request_id: fields.requestId } : {}),
          },
        },
      ]);
      return true;
    });
  }

  /** The message kept before for this IMAP source, if any. */
  async function alreadyTaken(source: MailSource) {
    if (!source.mailbox) return null;
    const [row] = await deps.stores.sql.query<{ id: string; classification: InboundClassification }>(
      'SELECT id, classification FROM inbound_messages WHERE mailbox = $1 AND uid_validity = $2 AND uid = $3',
      [source.mailbox, source.uidValidity ?? null, source.uid ?? null],
    );
    return row ?? null;
  }

  /** No request came of the message (the request was refused): why, for a person to read. */
  async function markRejected(id: string, note: string) {
    await deps.stores.sql.query(
      `UPDATE inbound_messages SET classification = 'rejected', note = $2 WHERE id = $1`,
      [id, note],
    );
  }

  /** The request the message became (or the open one it was linked to). */
  async function linkRequest(id: string, requestId: string, classification: InboundClassification) {
    await deps.stores.sql.query(
      'UPDATE inbound_messages SET request_id = $2, classification = $3 WHERE id = $1',
      [id, requestId, classification],
    );
  }

  /** Kept messages that should have become a request and did not (the process died between the two writes). */
  async function unfinished() {
    const rows = await deps.stores.sql.query<{
      id: string;
      source: MailSource['kind'];
      raw_ciphertext: Uint8Array;
      dropped_attachments: DroppedAttachment[];
    }>(
      `SELECT id, source, raw_ciphertext, dropped_attachments FROM inbound_messages
       WHERE request_id IS NULL AND classification IN ('consent_withdrawal', 'unclassified')
       ORDER BY received_at LIMIT 1000`,
    );
    return rows.map((row) => ({
      id: row.id,
      source: row.source,
      dropped: row.dropped_attachments,
      // Opened one at a time, as each is taken up.
      evidence: () => Buffer.from(openText(deps.evidenceKey, row.raw_ciphertext, mailAad(row.id)), 'base64'),
    }));
  }

  /** Kept messages that no request came of (rejected, or cut off by a crash): for a person to look at. */
  async function pending() {
    return deps.stores.sql.query<{
      id: string;
      received_at: Date;
      classification: string;
      note: string | null;
    }>(
      `SELECT id, received_at, classification, note FROM inbound_messages
       WHERE request_id IS NULL ORDER BY received_at LIMIT 500`,
    );
  }

  return { keep, alreadyTaken, markRejected, linkRequest, unfinished, pending };
}

export type Inbox = ReturnType<typeof createInbox>;
