// Reading one e-mail to the privacy address: who sent it, what it asks (the register's withdrawal subject line,
// or anything else), when, and which attachments look like identity documents and must not be kept (KZ Art. 7
// p.10): the evidence kept is the message rebuilt without them.
import { type Attachment, type ParsedMail, simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { hmacSha256 } from '../../lib/crypto.js';
import { withdrawalSubjectLines } from '../register/register.schema.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { normalizeEmail } from '../vault/field-values.js';
import type { DroppedAttachment } from './mail.table.js';

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

/** Rebuilds the message without the dropped attachments, so what is kept is still a readable e-mail. */
async function withoutAttachments(parsed: ParsedMail, kept: Attachment[], dropped: DroppedAttachment[]) {
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines) {
    const name = line.key.toLowerCase();
    if (name === 'content-type' || name === 'content-transfer-encoding' || name === 'mime-version') continue;
    headers[line.line.slice(0, line.line.indexOf(':'))] = line.line.slice(line.line.indexOf(':') + 1).trim();
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

export interface Analysis {
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

export function createMessageReader(deps: {
  rules: RegisterRules;
  hashKey: Buffer;
  clock: () => Date;
  /** Larger messages are kept as evidence but not read: a person looks at them. */
  maxMessageBytes: number;
}) {
  // The register's withdrawal subject lines (RU, and KK / EN where it states them), normalised, with the
  // language the answer is then written in.
  const withdrawalKeys = new Map(
    withdrawalSubjectLines(deps.rules.register.requests).map(({ lang, line }) => [
      normalizeSubjectLine(line),
      lang,
    ]),
  );

  /** Reads a message: who sent it, what it asks, which attachments must not be kept. */
  async function analyse(raw: Buffer): Promise<Analysis | { reject: string }> {
    if (raw.length > deps.maxMessageBytes) {
      return {
        reject: `письмо больше ${deps.maxMessageBytes} байт: сохранено, не разобрано / too large`,
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

  return { analyse };
}

export type MessageReader = ReturnType<typeof createMessageReader>;
