// The composition root: builds every service from its narrow dependencies. Entry points (HTTP server, CLI,
// tests, benchmarks) create one of these and talk only to its services.
import type { Stores } from '../db/database.js';
import { deriveKey as deriveFrom } from '../lib/crypto.js';
import { createAccessService } from '../modules/access/access.service.js';
import { createApiKeyService } from '../modules/api-keys/api-key.service.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createAuditAnchors } from '../modules/audit/audit-anchor.js';
import { createConsentService } from '../modules/consents/consent.service.js';
import { createDisclosureService } from '../modules/disclosures/disclosure.service.js';
import { loadProfile } from '../modules/jurisdiction/profiles.js';
import { createImapPoller, parseImapUrl } from '../modules/mail/imap-poller.js';
import { createMailIntake, type MailIntakeSettings } from '../modules/mail/mail.intake.js';
import { createSmtpMailer, createUnconfiguredMailer, type Mailer } from '../modules/mail/mailer.js';
import { createObligationService } from '../modules/obligations/obligation.service.js';
import { createPublicationService } from '../modules/publication/publication.service.js';
import { loadRegisterFile } from '../modules/register/register.loader.js';
import { createRequestClassification } from '../modules/requests/request.classification.js';
import { createRequestExecution } from '../modules/requests/request.execution.js';
import { createRequestService, type RequestSettings } from '../modules/requests/request.service.js';
import { createDestructionActs } from '../modules/retention/destruction-act.service.js';
import { createRetentionService } from '../modules/retention/retention.service.js';
import { createRetentionSweeper } from '../modules/retention/retention.sweep.js';
import { createRegisterRules } from '../modules/rules/register-rules.js';
import { createStaffService, type StaffSettings } from '../modules/staff/staff.service.js';
import { createKeyStore } from '../modules/vault/key-store.js';
import { openKeyring } from '../modules/vault/master-keyring.js';
import { createVaultRights } from '../modules/vault/vault.rights.js';
import { createVaultService } from '../modules/vault/vault.service.js';

export interface AmanatOptions {
  stores: Stores;
  masterKey: Buffer;
  registerFile: string;
  clock?: () => Date;
  /** Outgoing mail (verification codes, answers, digest); without it those actions say what to configure. */
  mailer?: Mailer;
  /** SMTP to build the mailer from (when no mailer is given); the sender defaults to the register's privacy address. */
  smtp?: { url: string; from?: string };
  requestSettings?: Partial<RequestSettings>;
  mailSettings?: Partial<MailIntakeSettings>;
  /** The privacy mailbox (imap:// or imaps://); without it there is no poller. */
  imapUrl?: string;
  /** Unwrapped subject keys kept in memory (default 100,000; 0 turns the cache off). */
  keyCacheEntries?: number;
  /** Subjects per sweep transaction (default 500). */
  retentionBatchSubjects?: number;
  /** Console sessions, lock-out and password reset. */
  staffSettings?: Partial<StaffSettings>;
}

export async function createAmanat(options: AmanatOptions) {
  const clock = options.clock ?? (() => new Date());
  const { stores, masterKey } = options;
  // Refuses a master key that is not the store's (MASTER_KEY_MISMATCH) and a store whose key is being rotated.
  const keyring = await openKeyring({ stores, masterKey, clock });
  const deriveKey = (label: string) => deriveFrom(keyring.root, label);
  const loaded = loadRegisterFile(options.registerFile);
  const profile = loadProfile(loaded.register.operator.jurisdiction);
  const rules = createRegisterRules(loaded.register, profile, options.registerFile);
  // The chain's head is copied to the key store at most once a second after an append (and on close).
  const auditAnchors = createAuditAnchors({ stores, clock, claimedSeq: () => audit.claimedSeq() });
  const audit = createAuditService({
    auditKey: deriveKey('audit-chain'),
    clock,
    onAppend: () => auditAnchors.schedule(),
  });
  const keyStore = createKeyStore({
    keySql: stores.keySql,
    masterKey,
    generation: keyring.generation,
    clock,
    cacheEntries: options.keyCacheEntries,
    listen: stores.listenKeyStore,
  });
  const vault = createVaultService({
    stores,
    keyStore,
    audit,
    rules,
    identityKey: deriveKey('identity-lookup'),
    clock,
  });
  const obligations = createObligationService({ stores, audit, clock });
  const consents = createConsentService({
    stores,
    keyStore,
    vault,
    audit,
    rules,
    clock,
    settleObligations: obligations.settle,
  });
  const apiKeys = createApiKeyService({
    stores,
    audit,
    clock,
    timeZone: loaded.register.operator.timezone,
  });
  const sender =
    options.smtp?.from ?? loaded.register.requests.privacy_email ?? loaded.register.operator.email;
  const mailer =
    options.mailer ??
    (options.smtp ? createSmtpMailer({ url: options.smtp.url, from: sender }) : createUnconfiguredMailer());
  const evidenceKey = deriveKey('request-evidence');
  const hashKey = deriveKey('request-hash');
  const vaultRights = createVaultRights({ stores, audit, rules, vault, clock });
  const requests = createRequestService({
    stores,
    audit,
    rules,
    vault,
    mailer,
    evidenceKey,
    hashKey,
    clock,
    isActiveStaff: (email) => staff.isActive(email),
    settings: options.requestSettings,
  });
  const requestClassification = createRequestClassification({ stores, audit, requests, clock });
  const mailIntake = createMailIntake({
    stores,
    audit,
    rules,
    requests,
    mailer,
    evidenceKey,
    hashKey,
    clock,
    settings: options.mailSettings,
  });
  const mailPoller = options.imapUrl
    ? createImapPoller({ stores, intake: mailIntake, target: parseImapUrl(options.imapUrl) })
    : null;
  const destructionActs = createDestructionActs({ stores, audit, rules, clock });
  const disclosures = createDisclosureService({ stores, audit, rules, vault, clock });
  const requestExecution = createRequestExecution({
    acts: destructionActs,
    disclosures,
    stores,
    requests,
    vaultRights,
    consents,
    rules,
    audit,
    mailer,
    clock,
  });
  const staff = createStaffService({
    stores,
    audit,
    clock,
    totpKey: deriveKey('staff-totp'),
    mailer,
    settings: options.staffSettings,
  });
  const access = createAccessService({
    stores,
    audit,
    rules,
    clock,
    onApproved: apiKeys.forgetVerified,
  });
  const publication = createPublicationService({ stores, rules, vault });
  const retention = createRetentionService({ stores, audit, rules, clock });
  const retentionSweeper = createRetentionSweeper({
    stores,
    audit,
    rules,
    retention,
    acts: destructionActs,
    keyStore,
    requests,
    settleObligations: obligations.settle,
    clock,
    batchSubjects: options.retentionBatchSubjects,
  });
  return {
    stores,
    rules,
    registerWarnings: loaded.warnings,
    audit,
    keyStore,
    vault,
    consents,
    obligations,
    apiKeys,
    staff,
    access,
    disclosures,
    publication,
    mailer,
    vaultRights,
    requests,
    requestExecution,
    requestClassification,
    mailIntake,
    mailPoller,
    retention,
    destructionActs,
    retentionSweeper,
    clock,
    auditAnchors,
    // The chain against the positions kept outside it: the key store's anchor, the acts and the approved lists.
    verifyAudit: async () =>
      audit.verify(stores.sql, [
        ...(await auditAnchors.anchors()),
        ...(await destructionActs.auditAnchors()),
        ...(await access.auditAnchors()),
      ]),
    close: async () => {
      await auditAnchors.stop();
      await stores.close();
    },
  };
}

export type Amanat = Awaited<ReturnType<typeof createAmanat>>;
