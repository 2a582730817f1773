// The mail module's tables: every message received at the privacy address, and how far the IMAP poller has
// read each mailbox. The mail intake writes both; requests only point at a message (inbound_message_id).
import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../vault/vault.table.js';

export interface DroppedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  reason: 'identity_document' | 'too_large';
}

/** Every e-mail received at the privacy address, kept (sealed) as evidence whatever became of it. */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: uuid('id').primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    source: text('source', { enum: ['file', 'imap', 'api'] }).notNull(),
    /** For IMAP: mailbox, UIDVALIDITY and UID, so a message is taken once however often it is seen. */
    mailbox: text('mailbox'),
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    uid: bigint('uid', { mode: 'number' }),
    size: integer('size').notNull(),
    rawCiphertext: bytea('raw_ciphertext').notNull(),
    senderHash: bytea('sender_hash'),
    classification: text('classification', {
      enum: ['consent_withdrawal', 'unclassified', 'duplicate', 'rejected'],
    }).notNull(),
    /** Why it was rejected (malformed, no sender, rate limit), for a person to read. */
    note: text('note'),
    requestId: uuid('request_id'),
    droppedAttachments: jsonb('dropped_attachments').$type<DroppedAttachment[]>().notNull(),
  },
  (t) => [
    uniqueIndex('inbound_messages_imap_uq')
      .on(t.mailbox, t.uidValidity, t.uid)
      .where(sql`mailbox IS NOT NULL`),
  ],
);

/** How far the IMAP poller has read each mailbox. */
export const mailboxCursors = pgTable('mailbox_cursors', {
  mailbox: text('mailbox').primaryKey(),
  uidValidity: bigint('uid_validity', { mode: 'number' }).notNull(),
  lastUid: bigint('last_uid', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
