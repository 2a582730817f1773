// The consent journal: grants with proof, withdrawals that create the obligation to stop processing by the
// deadline, and the marking of data that was held only under the withdrawn consent. This file composes the
// parts: content checks (consent.contents.ts), the grant writer (consent.grant-writer.ts), withdrawal
// (consent.withdraw.ts); it builds a grant's row and reads the journal.
import { randomUUID } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { openText, sealText } from '../../lib/crypto.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ConsentFormSource } from '../documents/consent-form.js';
import type { ObligationService } from '../obligations/obligation.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { KeyStore } from '../vault/key-store.js';
import type { VaultService } from '../vault/vault.service.js';
import { checkContents, checkKind, checkTransferRecipients } from './consent.contents.js';
import { createConsentFormCheck } from './consent.forms.js';
import { createGrantWriter } from './consent.grant-writer.js';
import {
  CONSENT_COLUMNS,
  type ConsentEvidence,
  type ConsentRecord,
  type ConsentRow,
  evidenceAad,
  fromRow,
  type GrantInput,
  presentConsent,
} from './consent.record.js';
import { createWithdrawal } from './consent.withdraw.js';

export type {
  ConsentChannel,
  ConsentKind,
  ConsentRecord,
  GrantInput,
  WithdrawInput,
} from './consent.record.js';

export function createConsentService(deps: {
  stores: Stores;
  keyStore: KeyStore;
  vault: VaultService;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
  /** Fulfils, in the withdrawal's transaction, an obligation whose effects are already complete. */
  settleObligations: ObligationService['settle'];
  /** The published consent forms a grant must cite (version, purpose, language). */
  forms: ConsentFormSource;
}) {
  const { stores, rules, audit } = deps;
  const writer = createGrantWriter({ stores, audit });
  const formCheck = createConsentFormCheck(deps.forms);

  async function grant(actor: string, subjectId: string, input: GrantInput) {
    const purpose = rules.purpose(input.purpose);
    const publicationFields = checkKind(rules, input);
    const cited = await formCheck.cite(input);
    const dataFields = checkContents(rules, input, purpose.fields);
    await checkTransferRecipients(stores.sql, input);
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
      text: cited.text,
      textSha256: cited.textSha256,
      policyVersion: input.policyVersion,
      formSha256: cited.formSha256,
      lang: cited.lang,
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
    const written = await writer.write({
      actor,
      row,
      storedText: cited.storedText,
      sealedEvidence: sealText(key, JSON.stringify(evidence), evidenceAad(subjectId, id)),
    });
    // A write answers with ids and status: the evidence (the person's name, address, browser) is read back
    // through the consent journal, by a caller allowed to read it.
    return presentConsent(rules, written);
  }

  const withdraw = createWithdrawal({
    stores,
    vault: deps.vault,
    audit,
    rules,
    clock: deps.clock,
    settleObligations: deps.settleObligations,
    textOf: (row) => formCheck.textOf(storedTextOf(row)),
  });

  async function list(actor: string, subjectId: string) {
    const key = await deps.vault.subjectKey(subjectId);
    const rows = await stores.transaction(async (tx) => {
      await deps.vault.requireSubject(tx, subjectId);
      const rows = await tx.query<ConsentRow>(
        `SELECT ${CONSENT_COLUMNS} FROM consents WHERE subject_id = $1 ORDER BY granted_at DESC`,
        [subjectId],
      );
      await audit.append(tx, [
        { actor, action: 'consent.read', subjectId, details: { consents: rows.length } },
      ]);
      return rows;
    });
    // A web or API grant's text is its form's, read from the published version after the read's transaction.
    const texts = await Promise.all(rows.map((row) => formCheck.textOf(storedTextOf(row))));
    return rows.map((row, i) => ({
      ...presentConsent(rules, fromRow(row, texts[i]!)),
      evidence: JSON.parse(
        openText(key, row.evidence_ciphertext, evidenceAad(subjectId, row.id)),
      ) as ConsentEvidence,
    }));
  }

  return { grant, withdraw, list };
}

export type ConsentService = ReturnType<typeof createConsentService>;

/** What `textOf` needs of a row: its own text, or where its form's is. */
function storedTextOf(row: ConsentRow) {
  return {
    text: row.text,
    policyVersion: row.policy_version,
    kind: row.kind,
    purposeId: row.purpose_id,
    lang: row.lang,
  };
}
