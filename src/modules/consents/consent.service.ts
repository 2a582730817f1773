// The consent journal: grants with proof, withdrawals that create the obligation to stop processing by the
// deadline, and the marking of data that was held only under the withdrawn consent.
import { createHash, randomUUID } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { isDeadlock, isUniqueViolation } from '../../db/errors.js';
import { createBatchQueue, type ItemOutcome } from '../../lib/batch-queue.js';
import { openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import { dueDate } from '../calendar/calendar.js';
import type { ObligationService } from '../obligations/obligation.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { KeyStore } from '../vault/key-store.js';
import type { VaultService } from '../vault/vault.service.js';
import type { ValueBasis } from '../vault/vault.table.js';
import type { PublicationFieldPermission } from './consent.table.js';

export type ConsentChannel = 'web' | 'api' | 'email' | 'paper';
export type ConsentKind = 'processing' | 'publication';

export interface GrantInput {
  purpose: string;
  kind: ConsentKind;
  channel: ConsentChannel;
  /** The exact text the subject was shown. */
  text: string;
  policyVersion: string;
  subjectFullName?: string;
  ip?: string;
  userAgent?: string;
  /** The consent's term in words; none means "until the purpose is achieved" (KZ Art. 8). */
  term?: string;
  thirdPartyTransfer?: boolean;
  /** The recipients (ids from the recipient register) the transfer consent names; none: third parties in general. */
  transferRecipients?: string[];
  crossBorderTransfer?: boolean;
  publication?: boolean;
  dataFields?: string[];
  publicationFields?: PublicationFieldPermission[];
  /** When the consent was actually given (a paper form signed earlier); defaults to now. */
  givenAt?: Date;
}

export interface WithdrawInput {
  purpose: string;
  kind: ConsentKind;
  channel: ConsentChannel;
  ip?: string;
  userAgent?: string;
  /** When the withdrawal was received; the deadline counts from here. Defaults to now. */
  receivedAt?: Date;
  /** The subject request the withdrawal came with: its act of destruction answers that request. */
  requestId?: string;
}

interface ConsentEvidence {
  subjectFullName?: string;
  ip?: string;
  userAgent?: string;
  withdrawal?: { ip?: string; userAgent?: string };
}

/** A consent as the API presents it: the proof without the sealed evidence (returned decrypted beside it). */
export interface ConsentRecord {
  id: string;
  subjectId: string;
  purposeId: string;
  kind: ConsentKind;
  status: 'active' | 'withdrawn';
  grantedAt: Date;
  channel: ConsentChannel;
  text: string;
  textSha256: string;
  policyVersion: string;
  dataFields: string[];
  term: string | null;
  thirdPartyTransfer: boolean;
  transferRecipients: string[] | null;
  crossBorderTransfer: boolean;
  publicationAllowed: boolean;
  publicationFields: PublicationFieldPermission[] | null;
  withdrawnAt: Date | null;
  withdrawalChannel: ConsentChannel | null;
}

interface ConsentRow {
  id: string;
  subject_id: string;
  purpose_id: string;
  kind: ConsentKind;
  status: 'active' | 'withdrawn';
  granted_at: Date;
  channel: ConsentChannel;
  text: string;
  text_sha256: string;
  policy_version: string;
  evidence_ciphertext: Uint8Array;
  data_fields: string[];
  term: string | null;
  third_party_transfer: boolean;
  transfer_recipients: string[] | null;
  cross_border_transfer: boolean;
  publication_allowed: boolean;
  publication_fields: PublicationFieldPermission[] | null;
  withdrawn_at: Date | null;
  withdrawal_channel: ConsentChannel | null;
}

/**
 * Whether the row t(s, p, k) of an unnest has a live consent. Written as a scalar subquery on purpose: it stays a
 * per-row probe of the unique index, where a join would let the planner hash every live consent when the
 * table's statistics are stale (always on PGlite, which has no autovacuum): 10.5 ms against 0.4 ms at 10,000.
 */
const LIVE_CONSENT_OF_T = `EXISTS (SELECT 1 FROM consents c
  WHERE c.subject_id = t.s AND c.purpose_id = t.p AND c.kind = t.k AND c.status = 'active')`;

const CONSENT_COLUMNS = `id, subject_id, purpose_id, kind, status, granted_at, channel, text, text_sha256, policy_version,
  evidence_ciphertext, data_fields, term, third_party_transfer, transfer_recipients, cross_border_transfer,
  publication_allowed, publication_fields, withdrawn_at, withdrawal_channel`;

function fromRow(r: ConsentRow): ConsentRecord {
  return {
    id: r.id,
    subjectId: r.subject_id,
    purposeId: r.purpose_id,
    kind: r.kind,
    status: r.status,
    grantedAt: r.granted_at,
    channel: r.channel,
    text: r.text,
    textSha256: r.text_sha256,
    policyVersion: r.policy_version,
    dataFields: r.data_fields,
    term: r.term,
    thirdPartyTransfer: r.third_party_transfer,
    transferRecipients: r.transfer_recipients,
    crossBorderTransfer: r.cross_border_transfer,
    publicationAllowed: r.publication_allowed,
    publicationFields: r.publication_fields,
    withdrawnAt: r.withdrawn_at,
    withdrawalChannel: r.withdrawal_channel,
  };
}

interface PendingGrant {
  actor: string;
  row: ConsentRecord;
  sealedEvidence: Buffer;
}

const evidenceAad = (subjectId: string, consentId: string) =>
  `consent:${subjectId.toLowerCase()}:${consentId.toLowerCase()}`;

const contentLabels: Record<string, string> = {
  subject_full_name: 'ФИО субъекта (subject_full_name)',
  term: 'срок согласия (term)',
  third_party_transfer: 'разрешена ли передача третьим лицам (third_party_transfer)',
  cross_border_transfer: 'разрешена ли трансграничная передача (cross_border_transfer)',
  publication: 'разрешено ли распространение в общедоступных источниках (publication)',
  data_list: 'перечень данных (data_fields)',
};

export function createConsentService(deps: {
  stores: Stores;
  keyStore: KeyStore;
  vault: VaultService;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
  /** Fulfils, in the withdrawal's transaction, an obligation whose effects are already complete. */
  settleObligations: ObligationService['settle'];
}) {
  const { stores, rules, audit } = deps;

  /** The consent must name what the jurisdiction requires (KZ Art. 8); the operator's part comes from the register. */
  function checkContents(input: GrantInput, purposeFields: string[]): string[] {
    const issues: ErrorIssue[] = [];
    const { required, rule } = rules.profile.consent_contents;
    const provided: Record<string, boolean> = {
      operator_name: true,
      operator_bin_iin: true,
      subject_full_name: Boolean(input.subjectFullName?.trim()),
      // With no term the consent lasts until the purpose is achieved (KZ Art. 8), so "no term" is a term.
      term: true,
      third_party_transfer: input.thirdPartyTransfer !== undefined,
      cross_border_transfer: input.crossBorderTransfer !== undefined,
      publication: input.publication !== undefined,
      data_list: true,
    };
    for (const item of required) {
      if (!provided[item])
        issues.push({ path: item, message: `не указано: ${contentLabels[item] ?? item}`, rule });
    }
    const dataFields = input.dataFields ?? purposeFields;
    for (const f of dataFields) {
      if (!purposeFields.includes(f)) {
        issues.push({
          path: 'data_fields',
          message: `поле «${f}» не входит в перечень ПД цели «${input.purpose}»`,
        });
      }
    }
    if (input.crossBorderTransfer && !rules.register.cross_border.allowed) {
      issues.push({
        path: 'cross_border_transfer',
        message: 'оператор не осуществляет трансграничную передачу, согласие на неё принять нельзя',
        rule: rules.register.cross_border.rule.ru,
      });
    }
    if (issues.length > 0) {
      throw new DomainError(
        ErrorCodes.CONSENT_CONTENT_INCOMPLETE,
        `Согласие не содержит обязательных сведений (${rule}). The consent lacks required contents.`,
        { issues },
      );
    }
    return dataFields;
  }

  function checkKind(input: GrantInput): PublicationFieldPermission[] | null {
    const purpose = rules.purpose(input.purpose);
    if (input.kind === 'processing') {
      if (!rules.hasBasis(purpose, 'consent')) {
        throw new DomainError(
          ErrorCodes.VALIDATION_FAILED,
          `Цель «${purpose.id}» обрабатывается не на основании согласия: основания — ` +
            `${purpose.legal_bases.map((b) => b.type).join(', ')}. Purpose ${purpose.id} has no consent basis.`,
          { issues: [{ path: 'purpose', message: 'у цели нет основания consent' }] },
        );
      }
      return null;
    }
    const publication = rules.register.publication;
    if (!publication || publication.purpose !== purpose.id) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Согласие на распространение принимается только для цели «${publication?.purpose ?? '—'}». ` +
          'Publication consent belongs to the publication purpose.',
        { issues: [{ path: 'purpose', message: 'not the publication purpose of the register' }] },
      );
    }
    const permitted = new Map(publication.fields.map((f) => [f.field, f]));
    const requested = input.publicationFields ?? [];
    const issues: ErrorIssue[] = [];
    if (requested.length === 0) {
      issues.push({
        path: 'publication_fields',
        message: `перечислите поля, разрешённые для распространения: ${[...permitted.keys()].join(', ')}`,
      });
    }
    for (const f of requested) {
      if (!permitted.has(f.field)) {
        issues.push({
          path: 'publication_fields',
          message: `поле «${f.field}» не входит в перечень ПД, разрешённых для распространения (${[...permitted.keys()].join(', ')})`,
        });
      }
    }
    if (issues.length > 0) {
      throw new DomainError(ErrorCodes.VALIDATION_FAILED, 'Неверный перечень полей для распространения', {
        issues,
      });
    }
    return requested.map((f) => ({ field: f.field, restrictions: f.restrictions ?? [] }));
  }

  /** Named recipients must be in the recipient register, and naming them only makes sense with a transfer. */
  async function checkTransferRecipients(input: GrantInput): Promise<void> {
    const named = input.transferRecipients ?? [];
    if (named.length === 0) return;
    if (!input.thirdPartyTransfer) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        'Получатели указаны, но передача третьим лицам не разрешена (third_party_transfer). ' +
          'Recipients are named but the consent does not allow third-party transfer.',
        {
          issues: [
            {
              path: 'transfer_recipients',
              message: 'укажите third_party_transfer: true или уберите получателей',
            },
          ],
        },
      );
    }
    const found = await stores.sql.query<{ id: string }>(
      'SELECT id::text AS id FROM recipients WHERE id = ANY($1::uuid[])',
      [named],
    );
    const known = new Set(found.map((r) => r.id));
    const unknown = [...new Set(named)].filter((id) => !known.has(id.toLowerCase()));
    if (unknown.length > 0) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Получатели не найдены в реестре получателей: ${unknown.join(', ')}. Unknown recipients.`,
        {
          issues: unknown.map((id) => ({
            path: 'transfer_recipients',
            message: `получатель ${id} не найден (POST /api/recipients добавляет получателя)`,
          })),
        },
      );
    }
  }

  async function grant(actor: string, subjectId: string, input: GrantInput) {
    const purpose = rules.purpose(input.purpose);
    const publicationFields = checkKind(input);
    const dataFields = checkContents(input, purpose.fields);
    await checkTransferRecipients(input);
    const key = await deps.vault.subjectKey(subjectId);
    const id = randomUUID();
    const evidence: ConsentEvidence = {
      subjectFullName: input.subjectFullName,
      ip: input.ip,
      userAgent: input.userAgent,
    };
    const row: ConsentRecord = {
      id,
      subjectId,
      purposeId: purpose.id,
      kind: input.kind,
      status: 'active',
      grantedAt: input.givenAt ?? deps.clock(),
      channel: input.channel,
      text: input.text,
      textSha256: createHash('sha256').update(input.text, 'utf8').digest('hex'),
      policyVersion: input.policyVersion,
      dataFields,
      term: input.term ?? null,
      thirdPartyTransfer: input.thirdPartyTransfer ?? false,
      transferRecipients:
        input.thirdPartyTransfer && input.transferRecipients?.length ? input.transferRecipients : null,
      crossBorderTransfer: input.crossBorderTransfer ?? false,
      publicationAllowed: input.kind === 'publication' || (input.publication ?? false),
      publicationFields,
      withdrawnAt: null,
      withdrawalChannel: null,
    };
    const written = await grantWrites.submit({
      actor,
      row,
      sealedEvidence: sealText(key, JSON.stringify(evidence), evidenceAad(subjectId, id)),
    });
    // A write answers with ids and status: the evidence (the person's name, address, browser) is read back
    // through the consent journal, by a caller allowed to read it.
    return presentConsent(written);
  }

  const consentValues = (g: PendingGrant, n: number) => ({
    tuple:
      `($${n + 1}::uuid, $${n + 2}::uuid, $${n + 3}, $${n + 4}, 'active', $${n + 5}::timestamptz, $${n + 6}, $${n + 7}, ` +
      `$${n + 8}, $${n + 9}, $${n + 10}::bytea, $${n + 11}::text[], $${n + 12}, $${n + 13}::boolean, ` +
      `$${n + 14}::boolean, $${n + 15}::boolean, $${n + 16}::jsonb, $${n + 17}::text[])`,
    params: [
      g.row.id,
      g.row.subjectId,
      g.row.purposeId,
      g.row.kind,
      g.row.grantedAt,
      g.row.channel,
      g.row.text,
      g.row.textSha256,
      g.row.policyVersion,
      g.sealedEvidence,
      g.row.dataFields,
      g.row.term,
      g.row.thirdPartyTransfer,
      g.row.crossBorderTransfer,
      g.row.publicationAllowed,
      g.row.publicationFields ? JSON.stringify(g.row.publicationFields) : null,
      g.row.transferRecipients,
    ],
  });
  const CONSENT_INSERT = `INSERT INTO consents (id, subject_id, purpose_id, kind, status, granted_at, channel, text,
    text_sha256, policy_version, evidence_ciphertext, data_fields, term, third_party_transfer, cross_border_transfer,
    publication_allowed, publication_fields, transfer_recipients)`;

  const grantAudit = (g: PendingGrant): AuditEntryInput => ({
    actor: g.actor,
    action: 'consent.grant',
    subjectId: g.row.subjectId,
    purposeId: g.row.purposeId,
    fieldIds: g.row.publicationFields ? g.row.publicationFields.map((f) => f.field) : g.row.dataFields,
    details: {
      consentId: g.row.id,
      kind: g.row.kind,
      channel: g.row.channel,
      policyVersion: g.row.policyVersion,
      textSha256: g.row.textSha256,
    },
  });

  const duplicateGrant = (purposeId: string) =>
    new DomainError(
      ErrorCodes.CONSENT_ALREADY_GRANTED,
      `Согласие субъекта на цель «${purposeId}» уже действует; повторное не записано. ` +
        'A live consent for this purpose already exists.',
      { issues: [{ path: 'purpose', message: 'duplicate grant' }] },
    );
  const unknownSubject = (subjectId: string) =>
    new DomainError(ErrorCodes.NOT_FOUND, `Субъект ${subjectId} не найден / Subject not found`);

  /**
   * One grant in its own transaction; the partial unique index refuses a duplicate. The subject row is read
   * FOR SHARE: the consent's foreign key takes only KEY SHARE, which the sweep's `UPDATE subjects SET status =
   * 'destroyed'` does not block, so an unlocked read could write a live consent on a subject being destroyed.
   * FOR SHARE waits for that update and then re-reads the row, now destroyed.
   */
  async function writeOneGrant(g: PendingGrant, attempt = 0): Promise<ConsentRecord> {
    try {
      return await stores.transaction(async (tx) => {
        const { tuple, params } = consentValues(g, 0);
        const inserted = await tx.query(
          `${CONSENT_INSERT} SELECT * FROM (VALUES ${tuple}) AS c
           WHERE EXISTS (SELECT 1 FROM subjects WHERE id = $2 AND status <> 'destroyed' FOR SHARE) RETURNING id`,
          params,
        );
        if (inserted.length === 0) throw unknownSubject(g.row.subjectId);
        await audit.append(tx, [grantAudit(g)]);
        return g.row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateGrant(g.row.purposeId);
      // Two instances granting for the same subject at once: one holds the consent's index entry and waits for
      // the audit head, the other the reverse. PostgreSQL aborts one; run it again (it then finds the winner).
      if (isDeadlock(error) && attempt < 3) return writeOneGrant(g, attempt + 1);
      throw error;
    }
  }

  /**
   * The common case in one statement: every subject exists and none of the grants duplicates a live consent,
   * so the batch's rows and audit entries are written together without a transaction. Null when that does
   * not hold (or the audit head must be read first): the caller takes the path that answers item by item.
   */
  async function writeGrantsAtOnce(items: PendingGrant[]): Promise<ItemOutcome<ConsentRecord>[] | null> {
    const keys = items.map((g) => `${g.row.subjectId}|${g.row.purposeId}|${g.row.kind}`);
    if (new Set(keys).size !== keys.length) return null;
    const subjectIds = [...new Set(items.map((g) => g.row.subjectId))];
    const params: unknown[] = [
      subjectIds,
      items.map((g) => g.row.subjectId),
      items.map((g) => g.row.purposeId),
      items.map((g) => g.row.kind),
    ];
    const tuples: string[] = [];
    for (const g of items) {
      const values = consentValues(g, params.length);
      tuples.push(values.tuple);
      params.push(...values.params);
    }
    try {
      // Two batches may be in flight (the queue's halves); the second chains its audit entries after the head
      // the first claimed, so it must reach the database after it: on the pool it often came first, found the
      // head unmoved and fell back to the slow path. The ordered connection sends them in turn.
      const result = await audit.appendWith(stores.ordered ?? stores.sql, items.map(grantAudit), {
        guard: `(SELECT count(*) FROM (SELECT 1 FROM subjects WHERE id = ANY($1::uuid[]) AND status <> 'destroyed'
                  FOR SHARE) AS live) = ${subjectIds.length}
          AND NOT (SELECT coalesce(bool_or(${LIVE_CONSENT_OF_T}), false)
                   FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(s, p, k))`,
        write: `${CONSENT_INSERT} SELECT * FROM (VALUES ${tuples.join(', ')}) AS c WHERE EXISTS (SELECT 1 FROM moved)`,
        params,
      });
      return result === 'written' ? items.map((g) => ({ ok: true, value: g.row })) : null;
    } catch (error) {
      // A grant of another connection or instance came first: the item-by-item path names the duplicate.
      // Two instances' batch statements can also deadlock on the audit head and a consent key: PostgreSQL
      // aborts one, which then takes the transactional path (and, item by item, retries).
      if (isUniqueViolation(error) || isDeadlock(error)) return null;
      throw error;
    }
  }

  /** Grants that arrived together: one statement when nothing is wrong, else one transaction that answers each. */
  async function writeGrants(items: PendingGrant[]): Promise<ItemOutcome<ConsentRecord>[]> {
    const atOnce = await writeGrantsAtOnce(items);
    if (atOnce) return atOnce;
    const alone = async (g: PendingGrant): Promise<ItemOutcome<ConsentRecord>> => {
      try {
        return { ok: true, value: await writeOneGrant(g) };
      } catch (error) {
        return { ok: false, error };
      }
    };
    if (items.length === 1) return [await alone(items[0]!)];
    try {
      return await stores.transaction(async (tx) => {
        const subjectIds = [...new Set(items.map((g) => g.row.subjectId))];
        const [state] = await tx.query<{ existing: string[]; live: boolean[] }>(
          `SELECT
             (SELECT coalesce(array_agg(id), '{}') FROM (SELECT id::text FROM subjects
               WHERE id = ANY($1::uuid[]) AND status <> 'destroyed' FOR SHARE) AS live) AS existing,
             (SELECT array_agg(${LIVE_CONSENT_OF_T} ORDER BY t.n)
               FROM unnest($2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS t(s, p, k, n)) AS live`,
          [
            subjectIds,
            items.map((g) => g.row.subjectId),
            items.map((g) => g.row.purposeId),
            items.map((g) => g.row.kind),
          ],
        );
        const existing = new Set(state!.existing);
        const live = new Set(
          items
            .filter((_, i) => state!.live[i])
            .map((g) => `${g.row.subjectId}|${g.row.purposeId}|${g.row.kind}`),
        );
        const accepted: PendingGrant[] = [];
        const outcomes = items.map((g): ItemOutcome<ConsentRecord> => {
          const liveKey = `${g.row.subjectId}|${g.row.purposeId}|${g.row.kind}`;
          if (!existing.has(g.row.subjectId)) return { ok: false, error: unknownSubject(g.row.subjectId) };
          if (live.has(liveKey)) return { ok: false, error: duplicateGrant(g.row.purposeId) };
          live.add(liveKey);
          accepted.push(g);
          return { ok: true, value: g.row };
        });
        if (accepted.length > 0) {
          const tuples: string[] = [];
          const params: unknown[] = [];
          for (const g of accepted) {
            const values = consentValues(g, params.length);
            tuples.push(values.tuple);
            params.push(...values.params);
          }
          await tx.query(`${CONSENT_INSERT} VALUES ${tuples.join(', ')}`, params);
          await audit.append(tx, accepted.map(grantAudit));
        }
        return outcomes;
      });
    } catch {
      // The batch failed as a whole (e.g. another instance granted one of these meanwhile): each item again
      // on its own, so every caller gets its own answer and no good grant is lost with a bad one.
      const outcomes: ItemOutcome<ConsentRecord>[] = [];
      for (const g of items) outcomes.push(await alone(g));
      return outcomes;
    }
  }

  const grantWrites = createBatchQueue(writeGrants, { maxBatch: 64, inFlight: stores.ordered ? 2 : 1 });

  /**
   * `reveal`: the answer carries the consent's decrypted evidence (for a caller who may read the consent
   * journal of this purpose), and that read is recorded with the withdrawal. Without it, ids, status and
   * the obligation's deadline only.
   */
  async function withdraw(
    actor: string,
    subjectId: string,
    input: WithdrawInput,
    options: { reveal?: boolean } = {},
  ) {
    const purpose = rules.purpose(input.purpose);
    const key = await deps.vault.subjectKey(subjectId);
    const receivedAt = input.receivedAt ?? deps.clock();
    const deadline = rules.governingDeadline('consent_withdrawal');
    const due = dueDate(receivedAt, deadline, {
      country: rules.profile.calendar,
      timezone: rules.register.operator.timezone,
    });
    const now = deps.clock();

    return stores.transaction(async (tx) => {
      const [found] = await tx.query<ConsentRow>(
        `SELECT ${CONSENT_COLUMNS} FROM consents
         WHERE subject_id = $1 AND purpose_id = $2 AND kind = $3 AND status = 'active' FOR UPDATE`,
        [subjectId, purpose.id, input.kind],
      );
      if (!found) {
        throw new DomainError(
          ErrorCodes.CONSENT_NOT_FOUND,
          `У субъекта нет действующего согласия на цель «${purpose.id}» (${input.kind}): отзывать нечего. ` +
            'No live consent to withdraw.',
          { issues: [{ path: 'purpose', message: 'no live consent' }] },
        );
      }
      const consent = fromRow(found);
      const evidence = JSON.parse(
        openText(key, found.evidence_ciphertext, evidenceAad(subjectId, consent.id)),
      ) as ConsentEvidence;
      evidence.withdrawal = { ip: input.ip, userAgent: input.userAgent };
      await tx.query(
        `UPDATE consents SET status = 'withdrawn', withdrawn_at = $2, withdrawal_channel = $3, evidence_ciphertext = $4
         WHERE id = $1`,
        [
          consent.id,
          receivedAt,
          input.channel,
          sealText(key, JSON.stringify(evidence), evidenceAad(subjectId, consent.id)),
        ],
      );

      const obligation = {
        id: randomUUID(),
        subjectId,
        kind: 'stop_processing' as const,
        purposeId: purpose.id,
        consentId: consent.id,
        status: 'open' as const,
        createdAt: now,
        dueDate: due.dueDate,
        dueAt: new Date(due.dueAt),
        deadline: {
          amount: deadline.amount,
          unit: deadline.unit,
          source: deadline.source,
          rule: deadline.rule,
        },
      };
      await tx.query(
        `INSERT INTO obligations (id, subject_id, kind, purpose_id, consent_id, status, created_at, due_date, due_at, deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9, $10::jsonb)`,
        [
          obligation.id,
          subjectId,
          obligation.kind,
          purpose.id,
          consent.id,
          obligation.status,
          now,
          obligation.dueDate,
          obligation.dueAt,
          JSON.stringify(obligation.deadline),
        ],
      );

      // Values held for this purpose under this consent lose the purpose; with no purpose left they are
      // marked for destruction by the deadline. Values held under another basis (a contract) are untouched.
      const held = await tx.query<{
        id: string;
        field_id: string;
        purposes: string[];
        legal_bases: ValueBasis[];
      }>(
        `SELECT id, field_id, purposes, legal_bases FROM personal_values
         WHERE subject_id = $1 AND status = 'active' AND $2 = ANY(purposes)`,
        [subjectId, purpose.id],
      );
      const released: string[] = [];
      const marked: string[] = [];
      for (const value of held) {
        const basis = value.legal_bases.find((b) => b.purpose === purpose.id);
        if (!basis || basis.consentId !== consent.id) continue;
        const purposes = value.purposes.filter((p) => p !== purpose.id);
        const legalBases = value.legal_bases.filter((b) => b.purpose !== purpose.id);
        if (purposes.length > 0) {
          await tx.query(
            'UPDATE personal_values SET purposes = $2::text[], legal_bases = $3::jsonb, updated_at = $4 WHERE id = $1',
            [value.id, purposes, JSON.stringify(legalBases), now],
          );
          released.push(value.field_id);
        } else {
          await tx.query(
            `UPDATE personal_values SET status = 'marked_for_destruction', marked_reason = 'consent_withdrawn',
               destroy_by = $2, updated_at = $3, next_retention_at = $3, retain_until = $3, marked_request_id = $4
               WHERE id = $1`,
            [value.id, obligation.dueAt, now, input.requestId ?? null],
          );
          marked.push(value.field_id);
        }
      }
      const entries: AuditEntryInput[] = [
        {
          actor,
          action: 'consent.withdraw',
          subjectId,
          purposeId: purpose.id,
          details: { consentId: consent.id, kind: input.kind, channel: input.channel },
        },
        {
          actor,
          action: 'obligation.create',
          subjectId,
          purposeId: purpose.id,
          details: {
            obligationId: obligation.id,
            kind: 'stop_processing',
            dueDate: due.dueDate,
            deadline: obligation.deadline,
          },
        },
      ];
      if (released.length) {
        entries.push({
          actor,
          action: 'data.purpose_released',
          subjectId,
          purposeId: purpose.id,
          fieldIds: released,
        });
      }
      if (marked.length) {
        entries.push({
          actor,
          action: 'data.mark_for_destruction',
          subjectId,
          purposeId: purpose.id,
          fieldIds: marked,
          details: { reason: 'consent_withdrawn', destroyBy: due.dueDate },
        });
      }
      // Nothing left to destroy (every value released from the purpose, or none held): the obligation's
      // effects are complete now, in this transaction; otherwise the destruction of the marked values fulfils it.
      const settled = marked.length === 0 ? await deps.settleObligations(tx, [{ subjectId }], actor) : [];
      entries.push(...settled);
      if (options.reveal) {
        entries.push({
          actor,
          action: 'consent.read',
          subjectId,
          purposeId: purpose.id,
          details: { consents: 1, consentId: consent.id },
        });
      }
      await audit.append(tx, entries);
      return {
        consent: presentConsent(
          { ...consent, status: 'withdrawn', withdrawnAt: receivedAt, withdrawalChannel: input.channel },
          options.reveal ? evidence : undefined,
        ),
        obligation: settled.length
          ? {
              ...obligation,
              status: 'fulfilled' as const,
              fulfilledAt: now,
              fulfilment: { how: 'purpose_released' as const, by: actor },
              destructionActId: null,
            }
          : { ...obligation, fulfilledAt: null, fulfilment: null, destructionActId: null },
        releasedFields: released,
        markedForDestruction: marked,
      };
    });
  }

  async function list(actor: string, subjectId: string) {
    const key = await deps.vault.subjectKey(subjectId);
    return stores.transaction(async (tx) => {
      await deps.vault.requireSubject(tx, subjectId);
      const rows = await tx.query<ConsentRow>(
        `SELECT ${CONSENT_COLUMNS} FROM consents WHERE subject_id = $1 ORDER BY granted_at DESC`,
        [subjectId],
      );
      await audit.append(tx, [
        { actor, action: 'consent.read', subjectId, details: { consents: rows.length } },
      ]);
      return rows.map((row) => ({
        ...presentConsent(fromRow(row)),
        evidence: JSON.parse(
          openText(key, row.evidence_ciphertext, evidenceAad(subjectId, row.id)),
        ) as ConsentEvidence,
      }));
    });
  }

  function presentConsent(record: ConsentRecord, evidence?: ConsentEvidence) {
    return {
      ...record,
      operator: { name: rules.register.operator.name.ru, binIin: rules.register.operator.bin_iin },
      ...(evidence ? { evidence } : {}),
    };
  }

  return { grant, withdraw, list };
}

export type ConsentService = ReturnType<typeof createConsentService>;
