// The register's disclosure grounds, one checker per kind (seed 3.2.6). Each checker proves its ground
// where the data allows — the live consent that covers the recipient and the fields, the subject's own
// request, the authority's request with its representative held under the legal-duty purpose, the contract
// the subject's values are held under, a written justification — and returns what the disclosure log keeps
// as evidence. A failed check writes its refusal to the chain (through `refuse`) and throws it.
import type { Stores } from '../../db/database.js';
import { DomainError, type ErrorCode, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import { isIsoDate } from '../calendar/dates.js';
import { localized } from '../register/register.retention.js';
import type { DisclosureGroundKind, Purpose, Register } from '../register/register.schema.js';
import type { Recipient } from './disclosure.recipients.js';
import type { DisclosureInput } from './disclosure.service.js';

export function refused(
  message: string,
  issues: ErrorIssue[],
  code: ErrorCode = ErrorCodes.DISCLOSURE_REFUSED,
): DomainError {
  return new DomainError(code, message, { issues });
}

export interface GroundContext {
  stores: Stores;
  register: Register;
  input: DisclosureInput;
  purpose: Purpose;
  recipient: Recipient;
  /** The recipient is outside the operator's home countries. */
  abroad: boolean;
  /** Writes the refusal to the chain and returns the error to throw. */
  refuse: (reason: string, error: DomainError) => Promise<DomainError>;
}

/** Returns the evidence the ground adds to the log; throws the refusal when the ground does not hold. */
export type GroundChecker = (ctx: GroundContext) => Promise<Record<string, unknown>>;

async function priorConsent({ stores, input, purpose, recipient, abroad, refuse }: GroundContext) {
  // cross-module read: consents (owner: consents)
  const consents = await stores.sql.query<{
    id: string;
    data_fields: string[];
    third_party_transfer: boolean;
    transfer_recipients: string[] | null;
    cross_border_transfer: boolean;
  }>(
    `SELECT id, data_fields, third_party_transfer, transfer_recipients, cross_border_transfer FROM consents
     WHERE subject_id = $1 AND purpose_id = $2 AND kind = 'processing' AND status = 'active'`,
    [input.subjectId, purpose.id],
  );
  const covering = consents.find(
    (c) =>
      c.third_party_transfer &&
      (c.transfer_recipients === null || c.transfer_recipients.includes(recipient.id)) &&
      input.fields.every((f) => c.data_fields.includes(f)) &&
      (!abroad || c.cross_border_transfer),
  );
  if (!covering) {
    throw await refuse(
      'no_consent',
      refused(
        consents.length === 0
          ? `Нет действующего согласия субъекта на цель ${purpose.number ?? ''} «${localized(purpose.title, 'ru')}»: ` +
              'передача по основанию «согласие» невозможна. No live consent.'
          : 'Действующее согласие субъекта не разрешает передачу этому получателю или этих полей ' +
              '(передача третьим лицам, перечень получателей, состав данных). The live consent does not cover this disclosure.',
        [
          {
            path: 'ground',
            message: consents.length ? 'consent does not cover recipient or fields' : 'no live consent',
          },
        ],
      ),
    );
  }
  return { consentId: covering.id };
}

async function initiatedBySubject({ stores, input, refuse }: GroundContext) {
  const [request] = input.requestId
    ? // cross-module read: subject_requests (owner: requests)
      await stores.sql.query<{ id: string; number: string | number; status: string }>(
        'SELECT id, number, status FROM subject_requests WHERE id = $1 AND subject_id = $2',
        [input.requestId, input.subjectId],
      )
    : [];
  if (!request || request.status === 'refused') {
    throw await refuse(
      'no_subject_request',
      refused(
        'Основание «передача инициирована субъектом» требует обращения этого субъекта: укажите requestId. ' +
          'The subject’s own request is required.',
        [{ path: 'requestId', message: input.requestId ? 'not a request of this subject' : 'required' }],
      ),
    );
  }
  return { requestId: request.id, requestNumber: Number(request.number) };
}

type AuthorityRequest = NonNullable<DisclosureInput['authorityRequest']>;

/** The problems with the authority's request and its representative's details, none when it holds. */
async function authorityProblems(
  stores: Stores,
  register: Register,
  ar: AuthorityRequest | undefined,
): Promise<ErrorIssue[]> {
  if (!ar) {
    return [
      { path: 'authorityRequest', message: 'required: authority, number, date, representativeSubjectId' },
    ];
  }
  const problems: ErrorIssue[] = [];
  if (!ar.authority?.trim()) problems.push({ path: 'authorityRequest.authority', message: 'required' });
  if (!ar.number?.trim()) problems.push({ path: 'authorityRequest.number', message: 'required' });
  if (!isIsoDate(ar.date)) problems.push({ path: 'authorityRequest.date', message: 'expected YYYY-MM-DD' });
  const authorityPurpose = register.purposes.find((p) => p.legal_bases.some((b) => b.type === 'legal_duty'));
  const held = authorityPurpose
    ? // cross-module read: personal_values (owner: vault)
      await stores.sql.query<{ field_id: string }>(
        `SELECT field_id FROM personal_values WHERE subject_id = $1 AND $2 = ANY(purposes) AND status = 'active'`,
        [ar.representativeSubjectId, authorityPurpose.id],
      )
    : [];
  const missing = ['full_name', 'position', 'workplace'].filter(
    (f) => authorityPurpose?.fields.includes(f) && !held.some((h) => h.field_id === f),
  );
  if (!authorityPurpose || held.length === 0 || missing.length) {
    problems.push({
      path: 'authorityRequest.representativeSubjectId',
      message:
        `the authority representative’s details must be held under purpose ${authorityPurpose?.number ?? ''} ` +
        `${authorityPurpose?.id ?? '(none with a legal-duty basis)'}${missing.length ? `; missing ${missing.join(', ')}` : ''}`,
    });
  }
  return problems;
}

async function legalDuty({ stores, register, input, refuse }: GroundContext) {
  const ar = input.authorityRequest;
  const problems = await authorityProblems(stores, register, ar);
  if (problems.length) {
    throw await refuse(
      'no_authority_request',
      refused(
        'Основание «правосудие / обязанность по закону» требует реквизитов запроса органа и данных его представителя ' +
          '(ФИО, должность, место работы, контакты — цель 1). The authority’s request details are required.',
        problems,
      ),
    );
  }
  return {
    authorityRequest: { authority: ar!.authority, number: ar!.number, date: ar!.date },
    representativeSubjectId: ar!.representativeSubjectId,
  };
}

async function contractNecessity({ stores, input, refuse }: GroundContext) {
  const [held] = input.contractRef
    ? // cross-module read: personal_values (owner: vault)
      await stores.sql.query<{ n: string | number }>(
        `SELECT count(*) AS n FROM personal_values v, jsonb_array_elements(v.legal_bases) b
         WHERE v.subject_id = $1 AND b ->> 'contractRef' = $2`,
        [input.subjectId, input.contractRef],
      )
    : [];
  if (!held || Number(held.n) === 0) {
    throw await refuse(
      'no_contract',
      refused(
        'Основание «исполнение договора» требует договора с субъектом: укажите contractRef договора, по которому ' +
          'хранятся его данные. The contract is required.',
        [
          {
            path: 'contractRef',
            message: input.contractRef ? 'no data of the subject held under this contract' : 'required',
          },
        ],
      ),
    );
  }
  return { contractRef: input.contractRef };
}

async function protectionOfRights({ input, refuse }: GroundContext) {
  if (!input.justification || input.justification.trim().length < 20) {
    throw await refuse(
      'no_justification',
      refused(
        'Основание «защита прав и законных интересов» требует письменного обоснования (не короче 20 символов). ' +
          'A written justification is required.',
        [{ path: 'justification', message: 'at least 20 characters' }],
      ),
    );
  }
  return {};
}

/** One checker per ground kind the register schema knows; a new kind fails to compile until it has one. */
export const groundCheckers: Record<DisclosureGroundKind, GroundChecker> = {
  prior_consent: priorConsent,
  initiated_by_subject: initiatedBySubject,
  legal_duty: legalDuty,
  contract_necessity: contractNecessity,
  protection_of_rights: protectionOfRights,
};
