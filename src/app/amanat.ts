// The composition root: builds every service from its narrow dependencies. Entry points (HTTP server, CLI,
// tests, benchmarks) create one of these and talk only to its services.
import type { Stores } from '../db/database.js';
import { deriveKey as deriveFrom } from '../lib/crypto.js';
import { createAccessService } from '../modules/access/access.service.js';
import { createApiKeyService } from '../modules/api-keys/api-key.service.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createAuditAnchors } from '../modules/audit/audit-anchor.js';
import { createConsentService } from '../modules/consents/consent.service.js';
import { createWidgetConfigs } from '../modules/cookies/cookie.config.js';
import { createCookieConsentService } from '../modules/cookies/cookie.service.js';
import { createDisclosureService } from '../modules/disclosures/disclosure.service.js';
import { loadProfile } from '../modules/jurisdiction/profiles.js';
import { createImapPoller, parseImapUrl } from '../modules/mail/imap-poller.js';
import { createMailIntake, type MailIntakeSettings } from '../modules/mail/mail.intake.js';
import { createSmtpMailer, createUnconfiguredMailer, type Mailer } from '../modules/mail/mailer.js';
import { createObligationService } from '../modules/obligations/obligation.service.js';
import { createPaperService } from '../modules/papers/papers.service.js';
import { createPolicyChanges } from '../modules/policies/policy.changes.js';
import { publishedConsentForms } from '../modules/policies/policy.consent-forms.js';
import { createPolicyService, type PolicyService } from '../modules/policies/policy.service.js';
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
  /** The operator's templates folder (their own DOCX papers with letterhead); the shipped templates/ otherwise. */
  templatesDir?: string;
}

type Clock = () => Date;
type Rules = ReturnType<typeof createRegisterRules>;
type Audit = ReturnType<typeof createAuditService>;
type KeyStore = ReturnType<typeof createKeyStore>;

/** The register file, its jurisdiction's profile, and the rules read from both. */
function loadRules(registerFile: string) {
  const loaded = loadRegisterFile(registerFile);
  const profile = loadProfile(loaded.register.operator.jurisdiction);
  return { loaded, rules: createRegisterRules(loaded.register, profile, registerFile) };
}

/** The keyring, the audit chain with its anchors, and the subject-key store. */
async function createCore(options: AmanatOptions, clock: Clock) {
  const { stores, masterKey } = options;
  // Refuses a master key that is not the store's (MASTER_KEY_MISMATCH) and a store whose key is being rotated.
  const keyring = await openKeyring({ stores, masterKey, clock });
  const deriveKey = (label: string) => deriveFrom(keyring.root, label);
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
  return { deriveKey, auditAnchors, audit, keyStore };
}

/** The given mailer, or one over SMTP, or one that says what to configure. */
function createMailer(options: AmanatOptions, register: Rules['register']): Mailer {
  const sender = options.smtp?.from ?? register.requests.privacy_email ?? register.operator.email;
  return (
    options.mailer ??
    (options.smtp ? createSmtpMailer({ url: options.smtp.url, from: sender }) : createUnconfiguredMailer())
  );
}

/** The cookie banner: its configuration from the published versions and the proofs of visitors' choices. */
function createCookieServices(deps: {
  stores: Stores;
  audit: Audit;
  rules: Rules;
  clock: Clock;
  policies: PolicyService;
}) {
  const widgetConfigs = createWidgetConfigs({ sql: deps.stores.sql, versions: deps.policies.reader });
  const cookieConsents = createCookieConsentService({
    stores: deps.stores,
    audit: deps.audit,
    configs: widgetConfigs,
    clock: deps.clock,
    timezone: deps.rules.register.operator.timezone,
  });
  return { widgetConfigs, cookieConsents };
}

/** The vault, obligations and consents, the subject's rights over the vault, and publication. */
function createDataServices(deps: {
  stores: Stores;
  audit: Audit;
  keyStore: KeyStore;
  rules: Rules;
  clock: Clock;
  identityKey: Buffer;
  policies: PolicyService;
}) {
  const { stores, audit, keyStore, rules, clock } = deps;
  // The consent forms of the published policy versions: a grant cites one of them.
  const consentForms = publishedConsentForms(deps.policies.reader);
  const vault = createVaultService({ stores, keyStore, audit, rules, identityKey: deps.identityKey, clock });
  const obligations = createObligationService({ stores, audit, clock });
  const consents = createConsentService({
    stores,
    keyStore,
    vault,
    audit,
    rules,
    clock,
    settleObligations: obligations.settle,
    forms: consentForms,
  });
  const vaultRights = createVaultRights({ stores, audit, rules, vault, clock });
  const publication = createPublicationService({ stores, rules, vault });
  return { vault, obligations, consents, consentForms, vaultRights, publication };
}

/** Who may call: API keys, staff accounts, and the roles and access list behind both. */
function createPeopleServices(deps: {
  stores: Stores;
  audit: Audit;
  rules: Rules;
  clock: Clock;
  mailer: Mailer;
  totpKey: Buffer;
  staffSettings?: Partial<StaffSettings>;
}) {
  const { stores, audit, rules, clock, mailer } = deps;
  const apiKeys = createApiKeyService({ stores, audit, clock, timeZone: rules.register.operator.timezone });
  const staff = createStaffService({
    stores,
    audit,
    clock,
    totpKey: deps.totpKey,
    mailer,
    settings: deps.staffSettings,
  });
  const access = createAccessService({ stores, audit, rules, clock, onApproved: apiKeys.forgetVerified });
  return { apiKeys, staff, access };
}

/** Subjects' requests: intake (web and mail), classification, execution, with the acts and disclosures they use. */
function createRequestServices(
  options: AmanatOptions,
  deps: {
    stores: Stores;
    audit: Audit;
    rules: Rules;
    clock: Clock;
    mailer: Mailer;
    deriveKey: (label: string) => Buffer;
    data: ReturnType<typeof createDataServices>;
    isActiveStaff: (email: string) => Promise<boolean>;
  },
) {
  const { stores, audit, rules, clock, mailer, data } = deps;
  const evidenceKey = deps.deriveKey('request-evidence');
  const hashKey = deps.deriveKey('request-hash');
  const requests = createRequestService({
    stores,
    audit,
    rules,
    vault: data.vault,
    mailer,
    evidenceKey,
    hashKey,
    clock,
    isActiveStaff: deps.isActiveStaff,
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
  const disclosures = createDisclosureService({ stores, audit, rules, vault: data.vault, clock });
  const requestExecution = createRequestExecution({
    acts: destructionActs,
    disclosures,
    stores,
    requests,
    vaultRights: data.vaultRights,
    consents: data.consents,
    rules,
    audit,
    mailer,
    clock,
  });
  return {
    requests,
    requestClassification,
    mailIntake,
    mailPoller,
    destructionActs,
    disclosures,
    requestExecution,
  };
}

export async function createAmanat(options: AmanatOptions) {
  const clock = options.clock ?? (() => new Date());
  const { stores } = options;
  // The keyring is opened first, as before the split: a wrong master key is named before a register problem.
  const { deriveKey, auditAnchors, audit, keyStore } = await createCore(options, clock);
  const { loaded, rules } = loadRules(options.registerFile);
  const policies = createPolicyService({ stores, audit, clock });
  const data = createDataServices({
    stores,
    audit,
    keyStore,
    rules,
    clock,
    identityKey: deriveKey('identity-lookup'),
    policies,
  });
  const mailer = createMailer(options, loaded.register);
  const people = createPeopleServices({
    stores,
    audit,
    rules,
    clock,
    mailer,
    totpKey: deriveKey('staff-totp'),
    staffSettings: options.staffSettings,
  });
  const requestServices = createRequestServices(options, {
    stores,
    audit,
    rules,
    clock,
    mailer,
    deriveKey,
    data,
    isActiveStaff: (email) => people.staff.isActive(email),
  });
  const { requests, destructionActs } = requestServices;
  const retention = createRetentionService({ stores, audit, rules, clock });
  const retentionSweeper = createRetentionSweeper({
    stores,
    audit,
    rules,
    retention,
    acts: destructionActs,
    keyStore,
    requests,
    settleObligations: data.obligations.settle,
    clock,
    batchSubjects: options.retentionBatchSubjects,
  });
  return {
    stores,
    rules,
    registerWarnings: loaded.warnings,
    audit,
    keyStore,
    ...data,
    ...people,
    mailer,
    ...requestServices,
    retention,
    retentionSweeper,
    papers: createPaperService({ rules, access: people.access, templatesDir: options.templatesDir }),
    policyChanges: createPolicyChanges({ versions: policies.reader, sql: stores.sql }),
    ...createCookieServices({ stores, audit, rules, clock, policies }),
    policies,
    clock,
    auditAnchors,
    // The chain against the positions kept outside it: the key store's anchor, the acts and the approved lists.
    verifyAudit: async () =>
      audit.verify(stores.sql, [
        ...(await auditAnchors.anchors()),
        ...(await destructionActs.auditAnchors()),
        ...(await people.access.auditAnchors()),
      ]),
    close: async () => {
      await auditAnchors.stop();
      await stores.close();
    },
  };
}

export type Amanat = Awaited<ReturnType<typeof createAmanat>>;
