// Withdrawing a consent: the consent marked withdrawn (its evidence resealed with the withdrawal's), the
// obligation to stop processing by the deadline created, the values held only under the consent released or
// marked for destruction, and all of it audited, in one transaction.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import { dueDate } from '../calendar/calendar.js';
import { insertObligation, type ObligationService } from '../obligations/obligation.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { VaultService } from '../vault/vault.service.js';
import { releaseValuesOfWithdrawnConsent } from '../vault/vault.writes.js';
import {
  CONSENT_COLUMNS,
  type ConsentEvidence,
  type ConsentRecord,
  type ConsentRow,
  evidenceAad,
  fromRow,
  presentConsent,
  type WithdrawInput,
} from './consent.record.js';

type Deadline = ReturnType<RegisterRules['governingDeadline']>;

/** The live consent to withdraw, locked for the transaction; refused when there is none. */
async function findLiveConsent(tx: Sql, subjectId: string, purposeId: string, input: WithdrawInput) {
  const [found] = await tx.query<ConsentRow>(
    `SELECT ${CONSENT_COLUMNS} FROM consents
     WHERE subject_id = $1 AND purpose_id = $2 AND kind = $3 AND status = 'active' FOR UPDATE`,
    [subjectId, purposeId, input.kind],
  );
  if (!found) {
    throw new DomainError(
      ErrorCodes.CONSENT_NOT_FOUND,
      `У субъекта нет действующего согласия на цель «${purposeId}» (${input.kind}): отзывать нечего. ` +
        'No live consent to withdraw.',
      { issues: [{ path: 'purpose', message: 'no live consent' }] },
    );
  }
  return found;
}

/** Marks the consent withdrawn and reseals its evidence with the withdrawal's; answers the evidence. */
async function markWithdrawn(
  tx: Sql,
  key: Buffer,
  found: ConsentRow,
  input: WithdrawInput,
  receivedAt: Date,
): Promise<ConsentEvidence> {
  const aad = evidenceAad(found.subject_id, found.id);
  const evidence = JSON.parse(openText(key, found.evidence_ciphertext, aad)) as ConsentEvidence;
  evidence.withdrawal = { ip: input.ip, userAgent: input.userAgent };
  await tx.query(
    `UPDATE consents SET status = 'withdrawn', withdrawn_at = $2, withdrawal_channel = $3, evidence_ciphertext = $4
     WHERE id = $1`,
    [found.id, receivedAt, input.channel, sealText(key, JSON.stringify(evidence), aad)],
  );
  return evidence;
}

/** The obligation to stop processing for the purpose, due by the governing deadline from the withdrawal. */
function stopProcessingObligation(
  subjectId: string,
  consent: ConsentRecord,
  deadline: Deadline,
  due: { dueDate: string; dueAt: string | Date },
  now: Date,
) {
  return {
    id: randomUUID(),
    subjectId,
    kind: 'stop_processing' as const,
    purposeId: consent.purposeId,
    consentId: consent.id,
    status: 'open' as const,
    createdAt: now,
    dueDate: due.dueDate,
    dueAt: new Date(due.dueAt),
    deadline: { amount: deadline.amount, unit: deadline.unit, source: deadline.source, rule: deadline.rule },
  };
}

type Obligation = ReturnType<typeof stopProcessingObligation>;

/** The withdrawal's audit entries: the withdrawal, the obligation, the values released and marked. */
function withdrawalEntries(
  actor: string,
  subjectId: string,
  consent: ConsentRecord,
  obligation: Obligation,
  values: { released: string[]; marked: string[] },
): AuditEntryInput[] {
  const { purposeId } = consent;
  const entries: AuditEntryInput[] = [
    {
      actor,
      action: 'consent.withdraw',
      subjectId,
      purposeId,
      details: { consentId: consent.id, kind: consent.kind, channel: consent.withdrawalChannel },
    },
    {
      actor,
      action: 'obligation.create',
      subjectId,
      purposeId,
      details: {
        obligationId: obligation.id,
        kind: 'stop_processing',
        dueDate: obligation.dueDate,
        deadline: obligation.deadline,
      },
    },
  ];
  if (values.released.length) {
    entries.push({ actor, action: 'data.purpose_released', subjectId, purposeId, fieldIds: values.released });
  }
  if (values.marked.length) {
    entries.push({
      actor,
      action: 'data.mark_for_destruction',
      subjectId,
      purposeId,
      fieldIds: values.marked,
      details: { reason: 'consent_withdrawn', destroyBy: obligation.dueDate },
    });
  }
  return entries;
}

export function createWithdrawal(deps: {
  stores: Stores;
  vault: VaultService;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
  settleObligations: ObligationService['settle'];
  /** A row's text: its own, or its cited form's. */
  textOf: (row: ConsentRow) => Promise<string>;
}) {
  const { stores, rules, audit } = deps;

  /**
   * `reveal`: the answer carries the consent's decrypted evidence (for a caller who may read the consent
   * journal of this purpose), and that read is recorded with the withdrawal. Without it, ids, status and
   * the obligation's deadline only.
   */
  return async function withdraw(
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

    const withdrawn = await stores.transaction(async (tx) => {
      const found = await findLiveConsent(tx, subjectId, purpose.id, input);
      const evidence = await markWithdrawn(tx, key, found, input, receivedAt);
      const consent: ConsentRecord = {
        // The form's text is filled in after the commit (it may be read from the store: not inside this lock).
        ...fromRow(found, found.text ?? ''),
        status: 'withdrawn',
        withdrawnAt: receivedAt,
        withdrawalChannel: input.channel,
      };
      const obligation = stopProcessingObligation(subjectId, consent, deadline, due, now);
      await insertObligation(tx, obligation);
      const values = await releaseValuesOfWithdrawnConsent(tx, {
        subjectId,
        purposeId: purpose.id,
        consentId: consent.id,
        destroyBy: obligation.dueAt,
        now,
        requestId: input.requestId ?? null,
      });
      const entries = withdrawalEntries(actor, subjectId, consent, obligation, values);
      // Nothing left to destroy (every value released from the purpose, or none held): the obligation's
      // effects are complete now, in this transaction; otherwise the destruction of the marked values fulfils it.
      const settled =
        values.marked.length === 0 ? await deps.settleObligations(tx, [{ subjectId }], actor) : [];
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
        found,
        consent: presentConsent(rules, consent, options.reveal ? evidence : undefined),
        obligation: settled.length
          ? {
              ...obligation,
              status: 'fulfilled' as const,
              fulfilledAt: now,
              fulfilment: { how: 'purpose_released' as const, by: actor },
              destructionActId: null,
            }
          : { ...obligation, fulfilledAt: null, fulfilment: null, destructionActId: null },
        releasedFields: values.released,
        markedForDestruction: values.marked,
      };
    });
    const { found, ...answer } = withdrawn;
    return { ...answer, consent: { ...answer.consent, text: await deps.textOf(found) } };
  };
}
