// Recipients and disclosures (seed 3.2.5–3.2.6). A disclosure sends a subject's fields of one purpose to a
// recipient and must rest on one of the register's grounds, checked where it can be: prior consent live and
// covering the recipient and the fields; the subject's own request; the authority's request with its
// representative's details held under the authorities' purpose; the contract it performs. A recipient in
// another country is refused when the register forbids cross-border transfer, quoting the rule. Every
// disclosure is in the log and in the subject's access report; every refusal is in the audit chain.
import { randomUUID } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { DomainError, type ErrorCode, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { isIsoDate } from '../calendar/dates.js';
import { localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { ReadValue, VaultService } from '../vault/vault.service.js';

export type RecipientKind = 'processor' | 'third_party' | 'authority';

export interface Recipient {
  id: string;
  name: string;
  kind: RecipientKind;
  country: string;
  contractRef: string | null;
  contractUntil: string | null;
  contact: string | null;
  createdAt: Date;
}

export interface RecipientInput {
  name: string;
  kind: RecipientKind;
  country: string;
  contractRef?: string | null;
  contractUntil?: string | null;
  contact?: string | null;
}

export interface DisclosureInput {
  subjectId: string;
  recipientId: string;
  purpose: string;
  fields: string[];
  /** The register's disclosure ground id (e.g. prior_consent). */
  ground: string;
  /** initiated_by_subject: the subject's request. */
  requestId?: string;
  /** legal_duty: the authority's request and its representative (a subject holding purpose-1 data). */
  authorityRequest?: { authority: string; number: string; date: string; representativeSubjectId: string };
  /** contract_necessity: the contract the transfer performs (a contract the subject's values are held under). */
  contractRef?: string;
  /** protection_of_rights (and any ground): why, in words; kept in the log. */
  justification?: string;
}

export interface Disclosure {
  id: string;
  subjectId: string;
  recipient: { id: string; name: string; kind: RecipientKind; country: string };
  purposeId: string;
  fields: string[];
  ground: { id: string; kind: string };
  evidence: Record<string, unknown>;
  actor: string;
  disclosedAt: Date;
}

interface RecipientRow {
  id: string;
  name: string;
  kind: RecipientKind;
  country: string;
  contract_ref: string | null;
  contract_until: string | null;
  contact: string | null;
  created_at: Date;
}

const present = (r: RecipientRow): Recipient => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  country: r.country,
  contractRef: r.contract_ref,
  contractUntil: r.contract_until,
  contact: r.contact,
  createdAt: r.created_at,
});

function refused(
  message: string,
  issues: ErrorIssue[],
  code: ErrorCode = ErrorCodes.DISCLOSURE_REFUSED,
): DomainError {
  return new DomainError(code, message, { issues });
}

export function createDisclosureService(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  vault: VaultService;
  clock: () => Date;
}) {
  const { stores, audit, rules, clock } = deps;
  const register = rules.register;
  // Data stored in the operator's own country (or where the register says it is stored) is not transferred abroad.
  const homeCountries = new Set<string>([
    register.operator.jurisdiction,
    ...register.operator.storage_countries,
  ]);

  async function saveRecipient(actor: string, input: RecipientInput, id = randomUUID()): Promise<Recipient> {
    const issues: ErrorIssue[] = [];
    if (!/^[A-Z]{2}$/.test(input.country))
      issues.push({ path: 'country', message: 'expected ISO 3166-1 alpha-2, e.g. KZ' });
    if (!input.name.trim()) issues.push({ path: 'name', message: 'required' });
    if (input.contractUntil && !isIsoDate(input.contractUntil)) {
      issues.push({ path: 'contractUntil', message: 'expected YYYY-MM-DD' });
    }
    if (input.kind === 'processor' && !input.contractRef) {
      issues.push({
        path: 'contractRef',
        message: 'a processor acts under a contract (поручение): give its reference',
      });
    }
    if (issues.length) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Получатель не сохранён: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}.`,
        { issues },
      );
    }
    const now = clock();
    return stores.transaction(async (tx) => {
      const [row] = await tx.query<RecipientRow>(
        `INSERT INTO recipients (id, name, kind, country, contract_ref, contract_until, contact, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $8)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, country = excluded.country,
           contract_ref = excluded.contract_ref, contract_until = excluded.contract_until, contact = excluded.contact,
           updated_at = excluded.updated_at
         RETURNING id, name, kind, country, contract_ref, contract_until::text AS contract_until, contact, created_at`,
        [
          id,
          input.name.trim(),
          input.kind,
          input.country,
          input.contractRef ?? null,
          input.contractUntil ?? null,
          input.contact ?? null,
          now,
        ],
      );
      await audit.append(tx, [
        {
          actor,
          action: 'recipient.save',
          details: { recipientId: id, kind: input.kind, country: input.country },
        },
      ]);
      return present(row!);
    });
  }

  async function listRecipients(): Promise<Recipient[]> {
    const rows = await stores.sql.query<RecipientRow>(
      `SELECT id, name, kind, country, contract_ref, contract_until::text AS contract_until, contact, created_at
       FROM recipients ORDER BY name`,
    );
    return rows.map(present);
  }

  /** Writes the refusal to the chain (its own transaction) and returns the error to throw. */
  async function refuse(actor: string, input: DisclosureInput, reason: string, error: DomainError) {
    await audit.appendAlone(stores, [
      {
        actor,
        action: 'disclosure.refused',
        subjectId: null,
        purposeId: rules.register.purposes.some((p) => p.id === input.purpose) ? input.purpose : null,
        fieldIds: input.fields,
        details: {
          reason,
          recipientId: input.recipientId,
          ground: input.ground,
          subjectRef: input.subjectId,
        },
      },
    ]);
    return error;
  }

  /**
   * Checks the ground and the recipient's country, records the disclosure and returns it with the values to
   * send. Nothing is recorded (but the refusal) when a check fails.
   */
  async function disclose(
    actor: string,
    input: DisclosureInput,
  ): Promise<{ disclosure: Disclosure; values: ReadValue[] }> {
    const purpose = rules.purpose(input.purpose);
    const outside = input.fields.filter((f) => !purpose.fields.includes(f));
    if (input.fields.length === 0 || outside.length) {
      throw await refuse(
        actor,
        input,
        'fields',
        refused(
          input.fields.length === 0
            ? 'Укажите поля, которые передаются. Name the fields to disclose.'
            : `Поля ${outside.join(', ')} не обрабатываются для цели ${purpose.id}. Fields not held for this purpose.`,
          [
            {
              path: 'fields',
              message: outside.length ? `not fields of ${purpose.id}: ${outside.join(', ')}` : 'required',
            },
          ],
          ErrorCodes.FIELD_NOT_ALLOWED_FOR_PURPOSE,
        ),
      );
    }
    const ground = register.disclosure_grounds.find((g) => g.id === input.ground);
    if (!ground) {
      const known = register.disclosure_grounds.map((g) => g.id).join(', ');
      throw await refuse(
        actor,
        input,
        'no_ground',
        refused(
          `Передача без основания не допускается: укажите одно из оснований реестра (${known || 'в реестре их нет'}). ` +
            'A disclosure must cite one of the register’s grounds.',
          [{ path: 'ground', message: `expected one of: ${known}` }],
        ),
      );
    }
    const [recipientRow] = await stores.sql.query<RecipientRow>(
      `SELECT id, name, kind, country, contract_ref, contract_until::text AS contract_until, contact, created_at
       FROM recipients WHERE id = $1`,
      [input.recipientId],
    );
    if (!recipientRow) {
      throw new DomainError(
        ErrorCodes.NOT_FOUND,
        `Получатель ${input.recipientId} не найден. Unknown recipient.`,
        {
          issues: [{ path: 'recipientId', message: 'unknown recipient' }],
        },
      );
    }
    const recipient = present(recipientRow);
    const abroad = !homeCountries.has(recipient.country);
    if (abroad) {
      const cb = register.cross_border;
      if (!cb.allowed || !cb.countries.includes(recipient.country)) {
        throw await refuse(
          actor,
          input,
          'cross_border',
          refused(
            `Получатель «${recipient.name}» находится в другой стране (${recipient.country}): трансграничная передача ` +
              `запрещена. ${localized(cb.rule, 'ru')} Cross-border transfer refused: ${localized(cb.rule, 'en')}`,
            [
              {
                path: 'recipientId',
                message: `recipient in ${recipient.country}; cross-border transfer not allowed`,
                rule: 'cross_border',
              },
            ],
            ErrorCodes.CROSS_BORDER_FORBIDDEN,
          ),
        );
      }
    }
    if (recipient.kind === 'processor' && recipient.contractUntil) {
      const today = clock().toISOString().slice(0, 10);
      if (recipient.contractUntil < today) {
        throw await refuse(
          actor,
          input,
          'processor_contract_expired',
          refused(
            `Договор поручения с «${recipient.name}» (${recipient.contractRef}) истёк ${recipient.contractUntil}. The processor's contract has expired.`,
            [{ path: 'recipientId', message: `contract ended ${recipient.contractUntil}` }],
          ),
        );
      }
    }

    const evidence: Record<string, unknown> = { groundText: localized(ground.text, 'ru') };
    if (input.justification) evidence.justification = input.justification;
    switch (ground.kind) {
      case 'prior_consent': {
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
            actor,
            input,
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
        evidence.consentId = covering.id;
        break;
      }
      case 'initiated_by_subject': {
        const [request] = input.requestId
          ? await stores.sql.query<{ id: string; number: string | number; status: string }>(
              'SELECT id, number, status FROM subject_requests WHERE id = $1 AND subject_id = $2',
              [input.requestId, input.subjectId],
            )
          : [];
        if (!request || request.status === 'refused') {
          throw await refuse(
            actor,
            input,
            'no_subject_request',
            refused(
              'Основание «передача инициирована субъектом» требует обращения этого субъекта: укажите requestId. ' +
                'The subject’s own request is required.',
              [
                {
                  path: 'requestId',
                  message: input.requestId ? 'not a request of this subject' : 'required',
                },
              ],
            ),
          );
        }
        evidence.requestId = request.id;
        evidence.requestNumber = Number(request.number);
        break;
      }
      case 'legal_duty': {
        const ar = input.authorityRequest;
        const problems: ErrorIssue[] = [];
        if (!ar)
          problems.push({
            path: 'authorityRequest',
            message: 'required: authority, number, date, representativeSubjectId',
          });
        else {
          if (!ar.authority?.trim())
            problems.push({ path: 'authorityRequest.authority', message: 'required' });
          if (!ar.number?.trim()) problems.push({ path: 'authorityRequest.number', message: 'required' });
          if (!isIsoDate(ar.date))
            problems.push({ path: 'authorityRequest.date', message: 'expected YYYY-MM-DD' });
          const authorityPurpose = register.purposes.find((p) =>
            p.legal_bases.some((b) => b.type === 'legal_duty'),
          );
          const held = authorityPurpose
            ? await stores.sql.query<{ field_id: string }>(
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
        }
        if (problems.length) {
          throw await refuse(
            actor,
            input,
            'no_authority_request',
            refused(
              'Основание «правосудие / обязанность по закону» требует реквизитов запроса органа и данных его представителя ' +
                '(ФИО, должность, место работы, контакты — цель 1). The authority’s request details are required.',
              problems,
            ),
          );
        }
        evidence.authorityRequest = { authority: ar!.authority, number: ar!.number, date: ar!.date };
        evidence.representativeSubjectId = ar!.representativeSubjectId;
        break;
      }
      case 'contract_necessity': {
        const [held] = input.contractRef
          ? await stores.sql.query<{ n: string | number }>(
              `SELECT count(*) AS n FROM personal_values v, jsonb_array_elements(v.legal_bases) b
               WHERE v.subject_id = $1 AND b ->> 'contractRef' = $2`,
              [input.subjectId, input.contractRef],
            )
          : [];
        if (!held || Number(held.n) === 0) {
          throw await refuse(
            actor,
            input,
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
        evidence.contractRef = input.contractRef;
        break;
      }
      case 'protection_of_rights': {
        if (!input.justification || input.justification.trim().length < 20) {
          throw await refuse(
            actor,
            input,
            'no_justification',
            refused(
              'Основание «защита прав и законных интересов» требует письменного обоснования (не короче 20 символов). ' +
                'A written justification is required.',
              [{ path: 'justification', message: 'at least 20 characters' }],
            ),
          );
        }
        break;
      }
    }

    const values = (await deps.vault.readForPurpose(actor, input.subjectId, purpose.id, input.fields)).filter(
      (v) => input.fields.includes(v.field),
    );
    const id = randomUUID();
    const disclosedAt = clock();
    const disclosedFields = [...new Set(values.map((v) => v.field))].sort();
    if (disclosedFields.length === 0) {
      throw new DomainError(
        ErrorCodes.NOT_FOUND,
        `У субъекта нет данных полей ${input.fields.join(', ')} для цели ${purpose.id}: передавать нечего. Nothing held to disclose.`,
        { issues: [{ path: 'fields', message: 'nothing held' }] },
      );
    }
    await stores.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO disclosures (id, subject_id, recipient_id, purpose_id, field_ids, ground_id, ground_kind, evidence, actor, disclosed_at)
         VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8::jsonb, $9, $10)`,
        [
          id,
          input.subjectId,
          recipient.id,
          purpose.id,
          disclosedFields,
          ground.id,
          ground.kind,
          JSON.stringify(evidence),
          actor,
          disclosedAt,
        ],
      );
      await audit.append(tx, [
        {
          actor,
          action: 'disclosure.make',
          subjectId: input.subjectId,
          purposeId: purpose.id,
          fieldIds: disclosedFields,
          details: {
            disclosureId: id,
            recipientId: recipient.id,
            recipientCountry: recipient.country,
            ground: ground.id,
            ...(evidence.consentId ? { consentId: evidence.consentId } : {}),
            ...(evidence.requestId ? { request_id: evidence.requestId } : {}),
          },
        },
      ]);
    });
    return {
      disclosure: {
        id,
        subjectId: input.subjectId,
        recipient: {
          id: recipient.id,
          name: recipient.name,
          kind: recipient.kind,
          country: recipient.country,
        },
        purposeId: purpose.id,
        fields: disclosedFields,
        ground: { id: ground.id, kind: ground.kind },
        evidence,
        actor,
        disclosedAt,
      },
      values,
    };
  }

  /** The disclosure log, of one subject or all, newest first. */
  async function list(filter: { subjectId?: string; limit?: number } = {}): Promise<Disclosure[]> {
    const rows = await stores.sql.query<{
      id: string;
      subject_id: string;
      recipient_id: string;
      name: string;
      kind: RecipientKind;
      country: string;
      purpose_id: string;
      field_ids: string[];
      ground_id: string;
      ground_kind: string;
      evidence: Record<string, unknown>;
      actor: string;
      disclosed_at: Date;
    }>(
      `SELECT d.id, d.subject_id, d.recipient_id, r.name, r.kind, r.country, d.purpose_id, d.field_ids, d.ground_id,
              d.ground_kind, d.evidence, d.actor, d.disclosed_at
       FROM disclosures d JOIN recipients r ON r.id = d.recipient_id
       WHERE ($1::uuid IS NULL OR d.subject_id = $1) ORDER BY d.disclosed_at DESC LIMIT $2`,
      [filter.subjectId ?? null, Math.min(filter.limit ?? 200, 1000)],
    );
    return rows.map((r) => ({
      id: r.id,
      subjectId: r.subject_id,
      recipient: { id: r.recipient_id, name: r.name, kind: r.kind, country: r.country },
      purposeId: r.purpose_id,
      fields: r.field_ids,
      ground: { id: r.ground_id, kind: r.ground_kind },
      evidence: r.evidence,
      actor: r.actor,
      disclosedAt: r.disclosed_at,
    }));
  }

  return { saveRecipient, listRecipients, disclose, list };
}

export type DisclosureService = ReturnType<typeof createDisclosureService>;
