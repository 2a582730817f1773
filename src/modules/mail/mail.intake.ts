// E-mail to the privacy address becomes a subject request. Every message is kept (sealed) as evidence,
// whatever became of it; scans of identity documents are not kept (KZ Art. 7 p.10) and the sender is told.
import { randomUUID } from 'node:crypto';
import { type Attachment, type ParsedMail, simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Stores } from '../../db/database.js';
import { hmacSha256, openText, sealText } from '../../lib/crypto.js';
import { isDomainError } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { withdrawalSubjectLines } from '../register/register.schema.js';
import type { RequestService, RequestSummary } from '../requests/request.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { normalizeEmail } from '../vault/field-values.js';
import type { DroppedAttachment } from './mail.table.js';
import type { Mailer } from './mailer.js';

export interface MailSource {
  kind: 'file' | 'imap' | 'api';
  mailbox?: string;
  uidValidity?: number;
  uid?: number;
}

export interface IngestResult {
  messageId: string;
  classification: 'consent_withdrawal' | 'unclassified' | 'duplicate' | 'rejected';
  request?: RequestSummary;
  note?: string;
  droppedAttachments: DroppedAttachment[];
  /** True when the IMAP message had been taken before: nothing new was written. */
  alreadyTaken?: boolean;
}

export interface MailIntakeSettings {
  /** Larger messages are kept as evidence but not read: a person looks at them. */
  maxMessageBytes: number;
}

const REPLY_PREFIX = /^\s*((re|fwd?|aw|wg|отв|ответ|пересл|пересылка|жауап|fw)\s*(\[\d+\])?\s*:\s*)+/iu;

/** «Re: FWD:  отзыв согласия на обработку  персональных данных.» → «отзыв согласия на обработку персональных данных». */
export function normalizeSubjectLine(subject: string): string {
  return subject
    .normalize('NFC')
    .replace(REPLY_PREFIX, '')
    .replace(/ё/giu, 'е')
    .replace(/[«»"'.!\s]+$/u, '')
    .replace(/^[«»"'\s]+/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

const ID_DOCUMENT_WORDS =
  /(паспорт|passport|удостоверени|удостоверение|куәлік|id[\s_-]?card|личност|жеке|driver|водительск|права|снилс|snils|visa|виза|свидетельств|birth)/iu;

/** An attachment that looks like a scan or photo of an identity document. */
export function looksLikeIdentityDocument(attachment: Attachment, mentionsIdDocument: boolean): boolean {
  const name = attachment.filename ?? '';
  if (ID_DOCUMENT_WORDS.test(name)) return true;
  const scanLike =
    attachment.contentType.startsWith('image/') || attachment.contentType === 'application/pdf';
  // A picture or PDF sent with a letter that talks about a passport or ID card is treated as one.
  return scanLike && mentionsIdDocument;
}

/**
 * A Subject header sent as raw 8-bit text (no MIME encoded-word) reaches us as U+FFFD. Its bytes are decoded
 * again with the message's declared charset, then windows-1251 and KOI8-R, the two such mailers use.
 */
export function recoverSubject(raw: Buffer, parsed: ParsedMail): string {
  const subject = parsed.subject ?? '';
  if (!subject.includes('\uFFFD')) return subject;
  const headerEnd = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.subarray(0, headerEnd < 0 ? raw.length : headerEnd).toString('latin1');
  const match = /^subject:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(head);
  if (!match) return subject;
  const bytes = Buffer.from(match[1]!.replace(/\r?\n[ \t]+/g, ' '), 'latin1');
  const declared = /charset="?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  for (const charset of [declared, 'windows-1251', 'koi8-r']) {
    if (!charset || charset === 'utf-8' || charset === 'us-ascii') continue;
    try {
      const decoded = new TextDecoder(charset, { fatal: true }).decode(bytes);
      if (/[А-яЁё]/u.test(decoded)) return decoded;
    } catch {
      // Not this charset; try the next.
    }
  }
  return subject;
}

export function createMailIntake(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  requests: RequestService;
  mailer: Mailer;
  evidenceKey: Buffer;
  hashKey: Buffer;
  clock: () => Date;
  settings?: Partial<MailIntakeSettings>;
}) {
  const settings: MailIntakeSettings = { maxMessageBytes: 25 * 1024 * 1024, ...deps.settings };
  // The register's withdrawal subject lines (RU, and KK / EN where it states them), normalised, with the
  // language the answer is then written in.
  const withdrawalKeys = new Map(
    withdrawalSubjectLines(deps.rules.register.requests).map(({ lang, line }) => [
      normalizeSubjectLine(line),
      lang,
    ]),
  );

  /** Rebuilds the message without the dropped attachments, so what is kept is still a readable e-mail. */
  async function withoutAttachments(parsed: ParsedMail, kept: Attachment[], dropped: DroppedAttachment[]) {
    const headers: Record<string, string> = {};
    for (const line of parsed.headerLines) {
      const name = line.key.toLowerCase();
      if (name === 'content-type' || name === 'content-transfer-encoding' || name === 'mime-version')
        continue;
      headers[line.line.slice(0, line.line.indexOf(':'))] = line.line
        .slice(line.line.indexOf(':') + 1)
        .trim();
    }
    headers['X-Amanat-Dropped-Attachments'] = dropped
      .map((d) => `${d.filename ?? 'без имени'} (${d.contentType}, ${d.size} B, ${d.reason})`)
      .join('; ');
    const composer = new MailComposer({
      headers,
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : undefined,
      attachments: kept.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.contentType,
      })),
    });
    return new Promise<Buffer>((resolve, reject) =>
      composer.compile().build((error, message) => (error ? reject(error) : resolve(message))),
    );
  }

  async function store(
    id: string,
    raw: Buffer,
    source: MailSource,
    fields: {
      classification: IngestResult['classification'];
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
          sealText(deps.evidenceKey, raw.toString('base64'), `mail:${id}`),
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

  async function alreadyTaken(source: MailSource) {
    if (!source.mailbox) return null;
    const [row] = await deps.stores.sql.query<{ id: string; classification: IngestResult['classification'] }>(
      'SELECT id, classification FROM inbound_messages WHERE mailbox = $1 AND uid_validity = $2 AND uid = $3',
      [source.mailbox, source.uidValidity ?? null, source.uid ?? null],
    );
    return row ?? null;
  }

  interface Analysis {
    sender: string;
    senderName?: string;
    senderHash: Buffer;
    subject: string;
    body: string;
    dropped: DroppedAttachment[];
    evidence: Buffer;
    /** The language of the register's withdrawal subject line the message carries; null: not a withdrawal. */
    withdrawalLanguage: 'ru' | 'kk' | 'en' | null;
    receivedAt: Date;
  }

  /** Reads a message: who sent it, what it asks, which attachments must not be kept. */
  async function analyse(raw: Buffer): Promise<Analysis | { reject: string }> {
    if (raw.length > settings.maxMessageBytes) {
      return {
        reject: `письмо больше ${settings.maxMessageBytes} байт: сохранено, не разобрано / too large`,
      };
    }
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    } catch (error) {
      return { reject: `письмо не разбирается как RFC 822: ${(error as Error).message}` };
    }
    const fromAddress = parsed.from?.value.find((a) => a.address)?.address;
    const sender = fromAddress ? normalizeEmail(fromAddress) : null;
    if (!sender || parsed.headerLines.length === 0) {
      return { reject: 'нет адреса отправителя (From): ответить некому / no sender' };
    }
    const subject = recoverSubject(raw, parsed);
    const body = parsed.text ?? '';
    const mentionsId = ID_DOCUMENT_WORDS.test(`${subject}\n${body}`);
    const dropped: DroppedAttachment[] = [];
    const kept: Attachment[] = [];
    for (const attachment of parsed.attachments) {
      if (looksLikeIdentityDocument(attachment, mentionsId)) {
        dropped.push({
          filename: attachment.filename ?? null,
          contentType: attachment.contentType,
          size: attachment.size,
          reason: 'identity_document',
        });
      } else {
        kept.push(attachment);
      }
    }
    return {
      sender,
      senderName: parsed.from?.value[0]?.name || undefined,
      senderHash: hmacSha256(deps.hashKey, `email:${sender}`),
      subject,
      body,
      dropped,
      evidence: dropped.length ? await withoutAttachments(parsed, kept, dropped) : raw,
      withdrawalLanguage: withdrawalKeys.get(normalizeSubjectLine(subject)) ?? null,
      receivedAt: parsed.date && parsed.date <= deps.clock() ? parsed.date : deps.clock(),
    };
  }

  /** The request a kept message becomes, linked back to it; the sender hears why a scan was not kept. */
  async function makeRequest(id: string, a: Analysis, sourceKind: MailSource['kind']): Promise<IngestResult> {
    let outcome: { request: RequestSummary; duplicate: boolean };
    try {
      outcome = await deps.requests.submit(`mail:${sourceKind}`, {
        type: a.withdrawalLanguage ? 'consent_withdrawal' : 'unclassified',
        ...(a.withdrawalLanguage ? { language: a.withdrawalLanguage } : {}),
        channel: 'email',
        contact: { email: a.sender, name: a.senderName },
        text: `${a.subject}\n\n${a.body}`.slice(0, 20_000),
        receivedAt: a.receivedAt,
        inboundMessageId: id,
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const note = `обращение не создано: ${error.message}`;
      await deps.stores.sql.query(
        `UPDATE inbound_messages SET classification = 'rejected', note = $2 WHERE id = $1`,
        [id, note],
      );
      return { messageId: id, classification: 'rejected', note, droppedAttachments: a.dropped };
    }
    const classification = outcome.duplicate
      ? 'duplicate'
      : a.withdrawalLanguage
        ? 'consent_withdrawal'
        : 'unclassified';
    await deps.stores.sql.query(
      'UPDATE inbound_messages SET request_id = $2, classification = $3 WHERE id = $1',
      [id, outcome.request.id, classification],
    );
    if (a.dropped.length > 0 && deps.mailer.configured) {
      await deps.mailer
        .send({
          to: a.sender,
          subject: `Обращение № ${outcome.request.number}: копии документов не хранятся`,
          text:
            `Ваше письмо получено и зарегистрировано как обращение № ${outcome.request.number}.\n\n` +
            `Вложения (${a.dropped.map((d) => d.filename ?? 'без имени').join(', ')}) похожи на копии документов, ` +
            'удостоверяющих личность. Закон не позволяет нам собирать и хранить такие копии ' +
            '(Закон РК № 94-V, ст. 7 п. 10), поэтому они удалены и не сохранены. ' +
            'Подтвердить личность можно кодом, который мы направим на ваш адрес.\n\n' +
            deps.rules.register.operator.name.ru,
        })
        .catch((error: Error) =>
          process.emitWarning(`Не удалось отправить уведомление об удалённых вложениях: ${error.message}`),
        );
    }
    return { messageId: id, classification, request: outcome.request, droppedAttachments: a.dropped };
  }

  /**
   * Takes one raw message (RFC 822). The message is written first, its request second, then linked: a crash in
   * between leaves a kept message with no request, which `resume()` (run before every mailbox poll) finishes.
   */
  async function ingest(raw: Buffer, source: MailSource = { kind: 'file' }): Promise<IngestResult> {
    const taken = await alreadyTaken(source);
    if (taken) {
      return {
        messageId: taken.id,
        classification: taken.classification,
        droppedAttachments: [],
        alreadyTaken: true,
      };
    }
    const id = randomUUID();
    const analysis = await analyse(raw);
    if ('reject' in analysis) {
      await store(id, raw, source, { classification: 'rejected', note: analysis.reject, dropped: [] });
      return { messageId: id, classification: 'rejected', note: analysis.reject, droppedAttachments: [] };
    }
    // The message first: whatever happens to the request, the evidence is kept.
    const stored = await store(id, analysis.evidence, source, {
      classification: analysis.withdrawalLanguage ? 'consent_withdrawal' : 'unclassified',
      senderHash: analysis.senderHash,
      dropped: analysis.dropped,
    });
    if (!stored) {
      return {
        messageId: id,
        classification: 'duplicate',
        droppedAttachments: analysis.dropped,
        alreadyTaken: true,
      };
    }
    return makeRequest(id, analysis, source.kind);
  }

  /** Kept messages whose request was never made (the process died between the two writes): made now. */
  async function resume(): Promise<IngestResult[]> {
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
    const results: IngestResult[] = [];
    for (const row of rows) {
      const evidence = Buffer.from(
        openText(deps.evidenceKey, row.raw_ciphertext, `mail:${row.id}`),
        'base64',
      );
      const analysis = await analyse(evidence);
      // It was read once already; a message that no longer reads is left for a person (pending()).
      if ('reject' in analysis) continue;
      results.push(await makeRequest(row.id, { ...analysis, dropped: row.dropped_attachments }, row.source));
    }
    return results;
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

  return { ingest, resume, pending };
}

export type MailIntake = ReturnType<typeof createMailIntake>;
