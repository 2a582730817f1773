// E-mail to the privacy address becomes a subject request. Every message is kept (sealed) as evidence,
// whatever became of it (mail.inbox.ts); scans of identity documents are not kept (KZ Art. 7 p.10) and the
// sender is told. Reading a message is mail.message.ts; here it is handed to the requests module.
import { randomUUID } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { isDomainError } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RequestService, RequestSummary } from '../requests/request.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { createInbox, type InboundClassification, type MailSource } from './mail.inbox.js';
import { type Analysis, createMessageReader } from './mail.message.js';
import type { DroppedAttachment } from './mail.table.js';
import type { Mailer } from './mailer.js';

export type { MailSource } from './mail.inbox.js';
export { looksLikeIdentityDocument, normalizeSubjectLine, recoverSubject } from './mail.message.js';

export interface IngestResult {
  messageId: string;
  classification: InboundClassification;
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
  const reader = createMessageReader({ ...deps, maxMessageBytes: settings.maxMessageBytes });
  const inbox = createInbox(deps);

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
      await inbox.markRejected(id, note);
      return { messageId: id, classification: 'rejected', note, droppedAttachments: a.dropped };
    }
    const classification = outcome.duplicate
      ? 'duplicate'
      : a.withdrawalLanguage
        ? 'consent_withdrawal'
        : 'unclassified';
    await inbox.linkRequest(id, outcome.request.id, classification);
    if (a.dropped.length > 0 && deps.mailer.configured)
      await tellAboutDroppedAttachments(a, outcome.request.number);
    return { messageId: id, classification, request: outcome.request, droppedAttachments: a.dropped };
  }

  /** The sender hears why a scan was not kept; a failed notice is a warning, the request stands. */
  async function tellAboutDroppedAttachments(a: Analysis, number: number) {
    await deps.mailer
      .send({
        to: a.sender,
        subject: `Обращение № ${number}: копии документов не хранятся`,
        text:
          `Ваше письмо получено и зарегистрировано как обращение № ${number}.\n\n` +
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

  /**
   * Takes one raw message (RFC 822). The message is written first, its request second, then linked: a crash in
   * between leaves a kept message with no request, which `resume()` (run before every mailbox poll) finishes.
   */
  async function ingest(raw: Buffer, source: MailSource = { kind: 'file' }): Promise<IngestResult> {
    const taken = await inbox.alreadyTaken(source);
    if (taken) {
      return {
        messageId: taken.id,
        classification: taken.classification,
        droppedAttachments: [],
        alreadyTaken: true,
      };
    }
    const id = randomUUID();
    const analysis = await reader.analyse(raw);
    if ('reject' in analysis) {
      await inbox.keep(id, raw, source, { classification: 'rejected', note: analysis.reject, dropped: [] });
      return { messageId: id, classification: 'rejected', note: analysis.reject, droppedAttachments: [] };
    }
    // The message first: whatever happens to the request, the evidence is kept.
    const stored = await inbox.keep(id, analysis.evidence, source, {
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
    const results: IngestResult[] = [];
    for (const message of await inbox.unfinished()) {
      const analysis = await reader.analyse(message.evidence());
      // It was read once already; a message that no longer reads is left for a person (pending()).
      if ('reject' in analysis) continue;
      results.push(await makeRequest(message.id, { ...analysis, dropped: message.dropped }, message.source));
    }
    return results;
  }

  return { ingest, resume, pending: inbox.pending };
}

export type MailIntake = ReturnType<typeof createMailIntake>;
