// The status page by link: a requester who confirmed a request by code gets a random token (256 bits; only its
// SHA-256 is kept) in the confirmation e-mail, and with it reads the request's progress, then the answer letter
// and, for an access request, the export of their data. The token names one request and nothing else; the
// answers carry no personal values but the letter and the export themselves, whose reads are audited.
import { createHash, randomBytes } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { localDateOf } from '../calendar/dates.js';
import type { Mailer } from '../mail/mailer.js';
import { localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { RequestExecution } from './request.execution.js';
import { statusLinkMail } from './request.mails.js';
import type { RequestRow } from './request.model.js';
import type { RequestService } from './request.service.js';

/** Who reads through the status link: the requester, in the privacy centre. */
export const STATUS_ACTOR = 'subject:privacy-centre';

export type PublicRequestState =
  | 'received'
  | 'verifying'
  | 'in_progress'
  | 'extended'
  | 'answered'
  | 'refused';

type TimelineEvent =
  | 'received'
  | 'classified'
  | 'code_sent'
  | 'verified'
  | 'extended'
  | 'executed'
  | 'answered'
  | 'refused'
  | 'answer_sent';

/** The history's actions a requester sees on the status page, by the name the page shows. */
const TIMELINE_EVENTS: Record<string, TimelineEvent> = {
  'request.receive': 'received',
  'request.classify': 'classified',
  'request.verification_sent': 'code_sent',
  'request.verify': 'verified',
  'request.extend': 'extended',
  'request.execute': 'executed',
  'request.answer': 'answered',
  'request.refuse': 'refused',
  'request.answer_sent': 'answer_sent',
};

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

function unknownToken(): DomainError {
  return new DomainError(
    ErrorCodes.STATUS_TOKEN_UNKNOWN,
    'Ссылка на статус обращения неверна или устарела: откройте её из письма целиком. ' +
      'Сілтеме қате немесе ескірген. The status link is wrong; open it from the e-mail as it is.',
    { issues: [{ path: 'token', message: 'no request has this status link' }] },
  );
}

function notYet(what: 'letter' | 'export'): DomainError {
  return new DomainError(
    ErrorCodes.REQUEST_STATE_INVALID,
    what === 'letter'
      ? 'Ответ на обращение ещё не готов. Жауап әлі дайын емес. The answer is not ready yet.'
      : 'Выгрузка данных даётся по ответу на запрос доступа к данным. Деректер үзіндісі қол жеткізу ' +
          'сұрауына жауап ретінде беріледі. The data export comes with the answer to an access request.',
    { issues: [{ path: 'token', message: `no ${what} for this request (yet)` }] },
  );
}

export function createRequestStatus(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  requests: RequestService;
  execution: Pick<RequestExecution, 'letter' | 'report'>;
  mailer: Mailer;
  clock: () => Date;
  /** Where the privacy centre is served (AMANAT_PUBLIC_URL); without it the e-mail carries no link. */
  publicUrl?: string;
}) {
  const { stores, rules, requests } = deps;
  const { loadRow, summarize, contactOf } = requests.internal;

  /**
   * A new status link for a confirmed request (an earlier one stops working); the e-mail with it goes to the
   * requester's address when mail is set up. Answers the token.
   */
  async function issueLink(id: string): Promise<{ token: string; mailed: Promise<void> }> {
    const token = randomBytes(32).toString('base64url');
    const row = await stores.transaction(async (tx) => {
      const row = await loadRow(tx, id, true);
      await tx.query(
        `INSERT INTO request_status_tokens (request_id, token_hash, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (request_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
        [id, hashOf(token), deps.clock()],
      );
      await deps.audit.append(tx, [
        {
          actor: STATUS_ACTOR,
          action: 'request.status_link',
          subjectId: row.subject_id,
          details: { request_id: id },
        },
      ]);
      return row;
    });
    const email = contactOf(row).email;
    const base = deps.publicUrl?.replace(/\/+$/, '');
    const mailed =
      email && deps.mailer.configured
        ? deps.mailer
            .send({
              to: email,
              ...statusLinkMail(row.language, {
                number: Number(row.number),
                link: base ? `${base}/requests/status#${token}` : null,
                operator: localized(rules.register.operator.name, row.language),
              }),
            })
            .then(() => undefined)
        : Promise.resolve();
    return { token, mailed };
  }

  async function rowOf(token: string): Promise<RequestRow> {
    if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) throw unknownToken();
    const [found] = await stores.sql.query<{ request_id: string }>(
      'SELECT request_id FROM request_status_tokens WHERE token_hash = $1',
      [hashOf(token)],
    );
    if (!found) throw unknownToken();
    return loadRow(stores.sql, found.request_id);
  }

  function stateOf(row: RequestRow): PublicRequestState {
    if (row.status === 'in_progress' && row.extension_reason) return 'extended';
    return row.status;
  }

  const hasLetter = (row: RequestRow) =>
    (row.status === 'answered' || row.status === 'refused') && row.outcome !== null;
  const hasExport = (row: RequestRow) => row.type === 'access' && row.status === 'answered';

  /** The request's progress: dates, state and the steps taken; no personal value. */
  async function status(token: string) {
    const row = await rowOf(token);
    const summary = summarize(row);
    const history = await requests.history(row.id);
    const timeline = history.flatMap((h) =>
      TIMELINE_EVENTS[h.action] ? [{ at: h.at, event: TIMELINE_EVENTS[h.action]! }] : [],
    );
    const open = row.status !== 'answered' && row.status !== 'refused';
    return {
      number: summary.number,
      type: summary.type,
      receivedOn: localDateOf(row.received_at, rules.register.operator.timezone),
      dueOn: row.due_date,
      workingDaysLeft: open ? summary.daysLeft : 0,
      state: stateOf(row),
      timeline,
      letter: hasLetter(row),
      export: hasExport(row),
    };
  }

  async function recordRead(row: RequestRow, what: 'letter' | 'export') {
    await deps.audit.appendAlone(stores, [
      {
        actor: STATUS_ACTOR,
        action: 'request.answer_read',
        subjectId: row.subject_id,
        details: { request_id: row.id, what },
      },
    ]);
  }

  /** The answer letter (PDF), as staff would send it; the read is audited. */
  async function letter(token: string): Promise<{ pdf: Buffer; number: number }> {
    const row = await rowOf(token);
    if (!hasLetter(row)) throw notYet('letter');
    const { pdf } = await deps.execution.letter(STATUS_ACTOR, row.id);
    await recordRead(row, 'letter');
    return { pdf, number: Number(row.number) };
  }

  /** The access report (schema amanat.access-report/1) compiled from what is held now; the read is audited. */
  async function exportData(token: string) {
    const row = await rowOf(token);
    if (!hasExport(row)) throw notYet('export');
    const report = await deps.execution.report(STATUS_ACTOR, row.id);
    await recordRead(row, 'export');
    return { report, number: Number(row.number) };
  }

  return { issueLink, status, letter, exportData };
}

export type RequestStatusService = ReturnType<typeof createRequestStatus>;
