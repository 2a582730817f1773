// Recipients and disclosures (seed 3.2.5–3.2.6). A disclosure sends a subject's fields of one purpose to a
// recipient and must rest on one of the register's grounds, checked where it can be: prior consent live and
// covering the recipient and the fields; the subject's own request; the authority's request with its
// representative's details held under the authorities' purpose; the contract it performs. A recipient in
// another country is refused when the register forbids cross-border transfer, quoting the rule. Every
// disclosure is in the log and in the subject's access report; every refusal is in the audit chain.
import { randomUUID } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { localDateOf } from '../calendar/dates.js';
import { localized } from '../register/register.retention.js';
import type { DisclosureGround, Purpose } from '../register/register.schema.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { ReadValue, VaultService } from '../vault/vault.service.js';
import { groundCheckers, refused } from './disclosure.grounds.js';
import { createRecipientRegister, type Recipient, type RecipientKind } from './disclosure.recipients.js';

export type { Recipient, RecipientInput, RecipientKind } from './disclosure.recipients.js';

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

export function createDisclosureService(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  vault: VaultService;
  clock: () => Date;
}) {
  const { stores, audit, rules, clock } = deps;
  const recipients = createRecipientRegister({ stores, audit, clock });
  const register = rules.register;
  // Data stored in the operator's own country (or where the register says it is stored) is not transferred abroad.
  const homeCountries = new Set<string>([
    register.operator.jurisdiction,
    ...register.operator.storage_countries,
  ]);

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

  /** The fields must be named and all held for the purpose. */
  async function checkFields(actor: string, input: DisclosureInput, purpose: Purpose): Promise<void> {
    const outside = input.fields.filter((f) => !purpose.fields.includes(f));
    if (input.fields.length > 0 && outside.length === 0) return;
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

  /** The register's ground the disclosure cites; none is a refusal. */
  async function findGround(actor: string, input: DisclosureInput): Promise<DisclosureGround> {
    const ground = register.disclosure_grounds.find((g) => g.id === input.ground);
    if (ground) return ground;
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

  /**
   * The recipient, checked against the cross-border rule and (a processor) its contract's end; returns it
   * and whether it is abroad.
   */
  async function checkRecipient(
    actor: string,
    input: DisclosureInput,
  ): Promise<{ recipient: Recipient; abroad: boolean }> {
    const recipient = await recipients.findRecipient(input.recipientId);
    if (!recipient) {
      throw new DomainError(
        ErrorCodes.NOT_FOUND,
        `Получатель ${input.recipientId} не найден. Unknown recipient.`,
        {
          issues: [{ path: 'recipientId', message: 'unknown recipient' }],
        },
      );
    }
    const abroad = !homeCountries.has(recipient.country);
    const cb = register.cross_border;
    if (abroad && (!cb.allowed || !cb.countries.includes(recipient.country))) {
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
    // The clock is read only when there is a contract end to compare, as before the split.
    const expired =
      recipient.kind === 'processor' &&
      !!recipient.contractUntil &&
      recipient.contractUntil < localDateOf(clock(), register.operator.timezone);
    if (expired) {
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
    return { recipient, abroad };
  }

  /** Writes the disclosure to the log and its entry to the chain, in one transaction. */
  async function record(disclosure: Disclosure): Promise<void> {
    const { id, subjectId, recipient, purposeId, fields, ground, evidence, actor, disclosedAt } = disclosure;
    await stores.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO disclosures (id, subject_id, recipient_id, purpose_id, field_ids, ground_id, ground_kind, evidence, actor, disclosed_at)
         VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8::jsonb, $9, $10)`,
        [
          id,
          subjectId,
          recipient.id,
          purposeId,
          fields,
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
          subjectId,
          purposeId,
          fieldIds: fields,
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
    await checkFields(actor, input, purpose);
    const ground = await findGround(actor, input);
    const { recipient, abroad } = await checkRecipient(actor, input);
    const evidence: Record<string, unknown> = { groundText: localized(ground.text, 'ru') };
    if (input.justification) evidence.justification = input.justification;
    const refuseThis = (reason: string, error: DomainError) => refuse(actor, input, reason, error);
    Object.assign(
      evidence,
      await groundCheckers[ground.kind]({
        stores,
        register,
        input,
        purpose,
        recipient,
        abroad,
        refuse: refuseThis,
      }),
    );

    const values = (await deps.vault.readForPurpose(actor, input.subjectId, purpose.id, input.fields)).filter(
      (v) => input.fields.includes(v.field),
    );
    const disclosedFields = [...new Set(values.map((v) => v.field))].sort();
    if (disclosedFields.length === 0) {
      throw new DomainError(
        ErrorCodes.NOT_FOUND,
        `У субъекта нет данных полей ${input.fields.join(', ')} для цели ${purpose.id}: передавать нечего. Nothing held to disclose.`,
        { issues: [{ path: 'fields', message: 'nothing held' }] },
      );
    }
    const disclosure: Disclosure = {
      id: randomUUID(),
      subjectId: input.subjectId,
      recipient: { id: recipient.id, name: recipient.name, kind: recipient.kind, country: recipient.country },
      purposeId: purpose.id,
      fields: disclosedFields,
      ground: { id: ground.id, kind: ground.kind },
      evidence,
      actor,
      disclosedAt: clock(),
    };
    await record(disclosure);
    return { disclosure, values };
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

  return {
    saveRecipient: recipients.saveRecipient,
    listRecipients: recipients.listRecipients,
    disclose,
    list,
  };
}

export type DisclosureService = ReturnType<typeof createDisclosureService>;
