// The consent journal: grants with proof, withdrawals that create the obligation to stop processing by the
// deadline, and the marking of data that was held only under the withdrawn consent.
import { createHash, randomUUID } from 'node:crypto';
import { and, arrayContains, desc, eq } from 'drizzle-orm';
import type { Stores } from '../../db/database.js';
import { openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import { dueDate } from '../calendar/calendar.js';
import { obligations } from '../obligations/obligation.table.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { KeyStore } from '../vault/key-store.js';
import type { VaultService } from '../vault/vault.service.js';
import { personalValues } from '../vault/vault.table.js';
import { consents, type PublicationFieldPermission } from './consent.table.js';

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
}

interface ConsentEvidence {
  subjectFullName?: string;
  ip?: string;
  userAgent?: string;
  withdrawal?: { ip?: string; userAgent?: string };
}

const evidenceAad = (subjectId: string, consentId: string) => `consent:${subjectId}:${consentId}`;

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

  async function grant(actor: string, subjectId: string, input: GrantInput) {
    const purpose = rules.purpose(input.purpose);
    const publicationFields = checkKind(input);
    const dataFields = checkContents(input, purpose.fields);
    await deps.vault.requireSubject(stores.data, subjectId);
    const key = await deps.keyStore.getSubjectKey(subjectId);
    const id = randomUUID();
    const now = deps.clock();
    const evidence: ConsentEvidence = {
      subjectFullName: input.subjectFullName,
      ip: input.ip,
      userAgent: input.userAgent,
    };
    const duplicate = () =>
      new DomainError(
        ErrorCodes.CONSENT_ALREADY_GRANTED,
        `Согласие субъекта на цель «${purpose.id}» уже действует; повторное не записано. ` +
          'A live consent for this purpose already exists.',
        { issues: [{ path: 'purpose', message: 'duplicate grant' }] },
      );
    try {
      return await stores.data.transaction(async (tx) => {
        const [live] = await tx
          .select({ id: consents.id })
          .from(consents)
          .where(
            and(
              eq(consents.subjectId, subjectId),
              eq(consents.purposeId, purpose.id),
              eq(consents.kind, input.kind),
              eq(consents.status, 'active'),
            ),
          );
        if (live) throw duplicate();
        const row = {
          id,
          subjectId,
          purposeId: purpose.id,
          kind: input.kind,
          status: 'active' as const,
          grantedAt: input.givenAt ?? now,
          channel: input.channel,
          text: input.text,
          textSha256: createHash('sha256').update(input.text, 'utf8').digest('hex'),
          policyVersion: input.policyVersion,
          evidenceCiphertext: sealText(key, JSON.stringify(evidence), evidenceAad(subjectId, id)),
          dataFields,
          term: input.term ?? null,
          thirdPartyTransfer: input.thirdPartyTransfer ?? false,
          crossBorderTransfer: input.crossBorderTransfer ?? false,
          publicationAllowed: input.kind === 'publication' || (input.publication ?? false),
          publicationFields,
          withdrawnAt: null,
          withdrawalChannel: null,
        };
        await tx.insert(consents).values(row);
        await audit.append(tx, [
          {
            actor,
            action: 'consent.grant',
            subjectId,
            purposeId: purpose.id,
            fieldIds: publicationFields ? publicationFields.map((f) => f.field) : dataFields,
            details: {
              consentId: id,
              kind: input.kind,
              channel: input.channel,
              policyVersion: input.policyVersion,
              textSha256: row.textSha256,
            },
          },
        ]);
        return presentConsent(row, evidence);
      });
    } catch (error) {
      if (
        (error as { code?: string }).code === '23505' ||
        (error as { cause?: { code?: string } }).cause?.code === '23505'
      ) {
        throw duplicate();
      }
      throw error;
    }
  }

  async function withdraw(actor: string, subjectId: string, input: WithdrawInput) {
    const purpose = rules.purpose(input.purpose);
    await deps.vault.requireSubject(stores.data, subjectId);
    const key = await deps.keyStore.getSubjectKey(subjectId);
    const receivedAt = input.receivedAt ?? deps.clock();
    const deadline = rules.governingDeadline('consent_withdrawal');
    const due = dueDate(receivedAt, deadline, {
      country: rules.profile.calendar,
      timezone: rules.register.operator.timezone,
    });
    const now = deps.clock();

    return stores.data.transaction(async (tx) => {
      const [consent] = await tx
        .select()
        .from(consents)
        .where(
          and(
            eq(consents.subjectId, subjectId),
            eq(consents.purposeId, purpose.id),
            eq(consents.kind, input.kind),
            eq(consents.status, 'active'),
          ),
        );
      if (!consent) {
        throw new DomainError(
          ErrorCodes.CONSENT_NOT_FOUND,
          `У субъекта нет действующего согласия на цель «${purpose.id}» (${input.kind}): отзывать нечего. ` +
            'No live consent to withdraw.',
          { issues: [{ path: 'purpose', message: 'no live consent' }] },
        );
      }
      const evidence = JSON.parse(
        openText(key, consent.evidenceCiphertext, evidenceAad(subjectId, consent.id)),
      ) as ConsentEvidence;
      evidence.withdrawal = { ip: input.ip, userAgent: input.userAgent };
      await tx
        .update(consents)
        .set({
          status: 'withdrawn',
          withdrawnAt: receivedAt,
          withdrawalChannel: input.channel,
          evidenceCiphertext: sealText(key, JSON.stringify(evidence), evidenceAad(subjectId, consent.id)),
        })
        .where(eq(consents.id, consent.id));

      const obligationId = randomUUID();
      const obligation = {
        id: obligationId,
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
      await tx.insert(obligations).values(obligation);

      // Values held for this purpose under this consent lose the purpose; with no purpose left they are
      // marked for destruction by the deadline. Values held under another basis (a contract) are untouched.
      const held = await tx
        .select()
        .from(personalValues)
        .where(
          and(
            eq(personalValues.subjectId, subjectId),
            eq(personalValues.status, 'active'),
            arrayContains(personalValues.purposes, [purpose.id]),
          ),
        );
      const released: string[] = [];
      const marked: string[] = [];
      for (const value of held) {
        const basis = value.legalBases.find((b) => b.purpose === purpose.id);
        if (!basis || basis.consentId !== consent.id) continue;
        const purposes = value.purposes.filter((p) => p !== purpose.id);
        const legalBases = value.legalBases.filter((b) => b.purpose !== purpose.id);
        if (purposes.length > 0) {
          await tx
            .update(personalValues)
            .set({ purposes, legalBases, updatedAt: now })
            .where(eq(personalValues.id, value.id));
          released.push(value.fieldId);
        } else {
          await tx
            .update(personalValues)
            .set({
              status: 'marked_for_destruction',
              markedReason: 'consent_withdrawn',
              destroyBy: obligation.dueAt,
              updatedAt: now,
            })
            .where(eq(personalValues.id, value.id));
          marked.push(value.fieldId);
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
            obligationId,
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
      await audit.append(tx, entries);
      return {
        consent: presentConsent(
          { ...consent, status: 'withdrawn', withdrawnAt: receivedAt, withdrawalChannel: input.channel },
          evidence,
        ),
        obligation,
        releasedFields: released,
        markedForDestruction: marked,
      };
    });
  }

  async function list(actor: string, subjectId: string) {
    await deps.vault.requireSubject(stores.data, subjectId);
    const key = await deps.keyStore.getSubjectKey(subjectId);
    return stores.data.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(consents)
        .where(eq(consents.subjectId, subjectId))
        .orderBy(desc(consents.grantedAt));
      await audit.append(tx, [
        { actor, action: 'consent.read', subjectId, details: { consents: rows.length } },
      ]);
      return rows.map((row) =>
        presentConsent(
          row,
          JSON.parse(openText(key, row.evidenceCiphertext, evidenceAad(subjectId, row.id))),
        ),
      );
    });
  }

  function presentConsent(row: typeof consents.$inferSelect, evidence: ConsentEvidence) {
    const { evidenceCiphertext: _sealed, ...rest } = row;
    return {
      ...rest,
      operator: { name: rules.register.operator.name.ru, binIin: rules.register.operator.bin_iin },
      evidence,
    };
  }

  return { grant, withdraw, list };
}

export type ConsentService = ReturnType<typeof createConsentService>;
