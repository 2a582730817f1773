// Carrying a verified request out: each type does what the law asks and records the outcome. Destruction and
// withdrawal schedule destruction and stay open until the retention engine has destroyed them.
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { isIsoDate, localDateOf } from '../calendar/dates.js';
import type { ConsentService } from '../consents/consent.service.js';
import type { DisclosureService } from '../disclosures/disclosure.service.js';
import type { Mailer } from '../mail/mailer.js';
import { localized } from '../register/register.retention.js';
import type { DestructionActs } from '../retention/destruction-act.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { VaultRights } from '../vault/vault.rights.js';
import { renderLetter } from './request.letter.js';
import { answerMail } from './request.mails.js';
import { type AccessReport, buildAccessReport, type ReportConsent } from './request.report.js';
import type { RequestRow, RequestService, RequestSummary } from './request.service.js';
import type { AnswerChannel, AnswerDelivery, RequestOutcome, RequestType } from './request.table.js';

export interface ExecuteInput {
  /** Objection to an automated decision: the reviewed decision, in words the subject will read. */
  answer?: string;
}

/** The request types that change what is held, each carried out for a known subject. */
type ChangingType = Exclude<RequestType, 'unclassified' | 'information' | 'access'>;
type Carrier = (
  actor: string,
  row: RequestRow,
  subjectId: string,
  input: ExecuteInput,
) => Promise<RequestSummary>;

export function createRequestExecution(deps: {
  stores: Stores;
  requests: RequestService;
  vaultRights: VaultRights;
  consents: ConsentService;
  rules: RegisterRules;
  audit: AuditService;
  mailer: Mailer;
  clock: () => Date;
  /** The act of destruction that answers a destruction or withdrawal request goes with the letter. */
  acts: Pick<DestructionActs, 'pdf'>;
  /** Disclosures to recipients, listed per purpose in the access report. */
  disclosures: Pick<DisclosureService, 'list'>;
}) {
  const { requests, rules } = deps;
  const { loadRow, transition, detailsOf, requireOpen, wrongState, summarize } = requests.internal;

  async function compileReport(actor: string, row: RequestRow): Promise<AccessReport> {
    const request = summarize(row);
    const withValues = row.type !== 'information';
    let held = null;
    let consents: ReportConsent[] = [];
    let disclosed: { purposeId: string; name: string; country: string; at: Date; fields: string[] }[] = [];
    if (row.subject_id) {
      disclosed = (await deps.disclosures.list({ subjectId: row.subject_id, limit: 1000 })).map((d) => ({
        purposeId: d.purposeId,
        name: d.recipient.name,
        country: d.recipient.country,
        at: d.disclosedAt,
        fields: d.fields,
      }));
      const exported = await deps.vaultRights.exportAll(actor, row.subject_id, row.id);
      held = { ...exported, subjectId: row.subject_id };
      consents = (await deps.consents.list(actor, row.subject_id)).map((c) => ({
        id: c.id,
        purpose: c.purposeId,
        kind: c.kind,
        status: c.status,
        grantedAt: c.grantedAt,
        channel: c.channel,
        text: c.text,
        policyVersion: c.policyVersion,
        withdrawnAt: c.withdrawnAt,
        evidence: c.evidence,
      }));
    }
    return buildAccessReport({
      rules,
      request,
      language: row.language,
      now: deps.clock(),
      withValues,
      held,
      consents,
      disclosed,
    });
  }

  function close(
    actor: string,
    id: string,
    outcome: Omit<RequestOutcome, 'at' | 'by'>,
    status: 'answered' | 'in_progress' = 'answered',
  ) {
    const now = deps.clock();
    return transition(id, (row) => ({
      set: {
        status,
        outcome: { at: now.toISOString(), by: actor, ...outcome },
        ...(status === 'answered' ? { closed_at: now } : {}),
      },
      entries: [
        {
          actor,
          action: status === 'answered' ? 'request.answer' : 'request.execute',
          subjectId: row.subject_id,
          fieldIds: outcome.fields ?? [],
          details: { request_id: id, type: row.type, summary: outcome.summary, status },
        },
      ],
    }));
  }

  /** What must hold before a request is carried out: classified, identity verified, not already waiting. */
  function requireExecutable(row: RequestRow) {
    requireOpen(row);
    if (row.type === 'unclassified') throw wrongState(row, 'сначала определите тип обращения (classify)');
    if (!row.verification) {
      throw new DomainError(
        ErrorCodes.VERIFICATION_REQUIRED,
        `Личность заявителя по обращению № ${row.number} не подтверждена: сначала код по e-mail или ручная проверка. ` +
          'Identity must be verified before anything is disclosed or changed.',
      );
    }
    if (row.outcome?.pendingDestruction) {
      throw wrongState(row, 'обращение исполнено и ждёт уничтожения данных модулем хранения');
    }
  }

  /**
   * Carries the request out. It must be classified and the requester's identity verified first; a request
   * whose person the operator does not know is answered "no data held".
   */
  async function execute(
    actor: string,
    id: string,
    input: ExecuteInput = {},
  ): Promise<{ request: RequestSummary; report?: AccessReport }> {
    const row = await loadRow(deps.stores.sql, id);
    requireExecutable(row);
    if (row.type === 'information' || row.type === 'access') {
      const report = await compileReport(actor, row);
      const request = await close(actor, row.id, {
        summary: report.noDataHeld ? 'no_data_held' : `report: ${report.purposes.length} purposes`,
        fields: [...new Set(report.purposes.flatMap((p) => p.values.map((v) => v.field)))],
      });
      return { request, report };
    }
    const subjectId = row.subject_id;
    if (!subjectId) return { request: await close(actor, row.id, { summary: 'no_data_held' }) };
    const carryOut = carriers[row.type as ChangingType];
    return { request: await carryOut(actor, row, subjectId, input) };
  }

  // Each type that changes what is held, carried out for a known subject.
  const carriers: Record<ChangingType, Carrier> = {
    rectification: async (actor, row, subjectId) => {
      const { fields } = await deps.vaultRights.rectify(
        actor,
        subjectId,
        detailsOf(row).values ?? {},
        row.id,
      );
      return close(actor, row.id, { summary: 'rectified', fields });
    },
    blocking: (actor, row, subjectId) => setBlocked(actor, row, subjectId, true),
    unblocking: (actor, row, subjectId) => setBlocked(actor, row, subjectId, false),
    destruction: async (actor, row, subjectId) => {
      const { fields } = await deps.vaultRights.markForDestruction(actor, subjectId, {
        fields: row.scope.fields,
        destroyBy: row.due_at,
        reason: 'subject_request',
        requestId: row.id,
      });
      if (fields.length === 0) return close(actor, row.id, { summary: 'nothing_to_destroy' });
      const pendingDestruction = { fields, by: row.due_at.toISOString() };
      return close(
        actor,
        row.id,
        { summary: 'scheduled_for_destruction', fields, pendingDestruction },
        'in_progress',
      );
    },
    consent_withdrawal: withdrawConsents,
    objection_automated_decision: async (actor, row, _subjectId, input) => {
      if (!input.answer?.trim()) {
        throw new DomainError(
          ErrorCodes.VALIDATION_FAILED,
          'Возражение рассматривается человеком: укажите принятое решение (answer). The reviewed decision is required.',
          { issues: [{ path: 'answer', message: 'ожидается решение по возражению' }] },
        );
      }
      return close(actor, row.id, { summary: input.answer.trim() });
    },
  };

  async function setBlocked(actor: string, row: RequestRow, subjectId: string, blocked: boolean) {
    const { changed } = await deps.vaultRights.setBlocked(actor, subjectId, blocked, row.id);
    const summary = blocked
      ? changed
        ? 'blocked'
        : 'already_blocked'
      : changed
        ? 'unblocked'
        : 'not_blocked';
    return close(actor, row.id, { summary });
  }

  /** Withdraws every live consent the request names (all, when it names no purpose). */
  async function withdrawConsents(actor: string, row: RequestRow, subjectId: string) {
    const live = (await deps.consents.list(actor, subjectId)).filter(
      (c) =>
        c.status === 'active' && (!row.scope.purposes?.length || row.scope.purposes.includes(c.purposeId)),
    );
    if (live.length === 0) return close(actor, row.id, { summary: 'no_live_consent' });
    const withdrawn: string[] = [];
    const obligations: string[] = [];
    const marked = new Set<string>();
    // Each withdrawal commits on its own; a retry after a crash finds the rest still live and goes on.
    for (const consent of live) {
      const result = await deps.consents.withdraw(actor, subjectId, {
        purpose: consent.purposeId,
        kind: consent.kind,
        channel: row.channel === 'api' ? 'api' : row.channel,
        receivedAt: row.received_at,
        requestId: row.id,
      });
      withdrawn.push(result.consent.id);
      obligations.push(result.obligation.id);
      for (const f of result.markedForDestruction) marked.add(f);
    }
    const fields = [...marked];
    const outcome = {
      summary: 'consent_withdrawn',
      purposes: [...new Set(live.map((c) => c.purposeId))],
      consents: withdrawn,
      obligations,
      fields,
    };
    if (fields.length === 0) return close(actor, row.id, outcome);
    return close(
      actor,
      row.id,
      { ...outcome, pendingDestruction: { fields, by: row.due_at.toISOString() } },
      'in_progress',
    );
  }

  /** A refusal the law allows, with the reason quoted in the letter (e.g. KZ Art. 8 p.2). */
  async function refuse(actor: string, id: string, input: { reason: string; rule?: string }) {
    if (!input.reason.trim()) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        'Отказ должен быть мотивирован / A reason is required',
        {
          issues: [{ path: 'reason', message: 'ожидается причина отказа' }],
        },
      );
    }
    const now = deps.clock();
    return transition(id, (row) => {
      requireOpen(row);
      const refusal = { reason: input.reason.trim(), ...(input.rule ? { rule: input.rule } : {}) };
      return {
        set: {
          status: 'refused',
          closed_at: now,
          outcome: { at: now.toISOString(), by: actor, summary: 'refused', refusal },
        },
        entries: [
          {
            actor,
            action: 'request.refuse',
            subjectId: row.subject_id,
            details: { request_id: id, rule: input.rule ?? null },
          },
        ],
      };
    });
  }

  /** The report of an information or access request, compiled again from what is held now. */
  async function report(actor: string, id: string): Promise<AccessReport> {
    const row = await loadRow(deps.stores.sql, id);
    if (row.type !== 'information' && row.type !== 'access') {
      throw wrongState(row, 'отчёт составляется по запросу сведений или доступа');
    }
    return compileReport(actor, row);
  }

  /** The answer letter (PDF, in the request's language); an access report is compiled again from what is held. */
  async function letter(actor: string, id: string): Promise<{ pdf: Buffer; report?: AccessReport }> {
    const row = await loadRow(deps.stores.sql, id);
    if (!row.outcome)
      throw wrongState(row, 'ответ ещё не подготовлен: обращение не исполнено и не отклонено');
    const report =
      (row.type === 'information' || row.type === 'access') && row.status === 'answered'
        ? await compileReport(actor, row)
        : undefined;
    const pdf = await renderLetter({
      rules,
      request: summarize(row),
      recipient: requests.internal.contactOf(row),
      report,
      now: deps.clock(),
    });
    return { pdf, report };
  }

  /** Sends the letter (and the machine-readable report) to the requester's e-mail, and records that it went. */
  async function sendAnswer(actor: string, id: string) {
    const row = await loadRow(deps.stores.sql, id);
    const contact = requests.internal.contactOf(row);
    if (!contact.email) {
      throw new DomainError(
        ErrorCodes.REQUEST_STATE_INVALID,
        'У заявителя нет e-mail: вручите ответ иначе (почтой, лично). No e-mail to send the answer to.',
      );
    }
    const { pdf, report } = await letter(actor, id);
    const attachments = [
      { filename: `otvet-${row.number}.pdf`, content: pdf, contentType: 'application/pdf' },
    ];
    if (row.outcome?.destruction) {
      const act = await deps.acts.pdf(row.outcome.destruction.actId);
      attachments.push({
        filename: `akt-${act.number}.pdf`,
        content: act.pdf,
        contentType: 'application/pdf',
      });
    }
    if (report) {
      attachments.push({
        filename: `report-${row.number}.json`,
        content: Buffer.from(JSON.stringify(report, null, 2)),
        contentType: 'application/json',
      });
    }
    const sent = await deps.mailer.send({
      to: contact.email,
      ...answerMail(row.language, {
        number: Number(row.number),
        operator: localized(rules.register.operator.name, row.language),
      }),
      attachments,
    });
    const on = localDateOf(deps.clock(), rules.register.operator.timezone);
    await transition(id, (locked) => ({
      set: { outcome: withDelivery(locked, { channel: 'email', on, by: actor }) },
      entries: [
        {
          actor,
          action: 'request.answer_sent',
          subjectId: locked.subject_id,
          details: { request_id: id, channel: 'email', attachments: attachments.map((a) => a.filename) },
        },
      ],
    }));
    return { messageId: sent.messageId };
  }

  function withDelivery(row: RequestRow, delivery: AnswerDelivery): RequestOutcome {
    return { ...row.outcome!, deliveries: [...(row.outcome?.deliveries ?? []), delivery] };
  }

  /**
   * Records an answer the operator sent outside Amanat (by post, by hand, from a mailbox of its own): the
   * request's answer is then on record as delivered, with the date and the channel, and an audit entry.
   */
  async function recordDelivery(
    actor: string,
    id: string,
    input: { channel: AnswerChannel; date?: string; note?: string },
  ) {
    const today = localDateOf(deps.clock(), rules.register.operator.timezone);
    const on = input.date ?? today;
    if (!isIsoDate(on) || on > today) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Дата отправки ответа «${on}»: ожидается дата YYYY-MM-DD не позже сегодняшней (${today}) / ` +
          'The date the answer was sent must be a date, not in the future',
        { issues: [{ path: 'date', message: `expected YYYY-MM-DD on or before ${today}` }] },
      );
    }
    return transition(id, (row) => {
      if (row.status !== 'answered' && row.status !== 'refused') {
        throw wrongState(
          row,
          'ответ ещё не готов: сначала исполните обращение (execute) или откажите (refuse), затем письмо (letter)',
        );
      }
      const answeredOn = localDateOf(row.closed_at ?? row.updated_at, rules.register.operator.timezone);
      if (on < answeredOn) {
        throw new DomainError(
          ErrorCodes.VALIDATION_FAILED,
          `Ответ не мог быть отправлен ${on}: обращение № ${row.number} исполнено ${answeredOn} / ` +
            'The answer cannot have been sent before the request was answered',
          { issues: [{ path: 'date', message: `expected ${answeredOn} or later` }] },
        );
      }
      const note = input.note?.trim();
      return {
        set: {
          outcome: withDelivery(row, { channel: input.channel, on, by: actor, ...(note ? { note } : {}) }),
        },
        entries: [
          {
            actor,
            action: 'request.answer_sent',
            subjectId: row.subject_id,
            details: { request_id: id, channel: input.channel, on },
          },
        ],
      };
    });
  }

  return { execute, refuse, report, letter, sendAnswer, recordDelivery };
}

export type RequestExecution = ReturnType<typeof createRequestExecution>;
