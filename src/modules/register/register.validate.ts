// Semantic validation: what the schema cannot say. Identifiers are unique, every reference points at
// something defined, the publication section agrees with its purpose, the operator's IIN/BIN is real,
// and retention rules can actually fire. Each finding names its rule so a reader can look it up
// (docs/register.md lists them all).
import { hasValidKzChecksum, isValidIinOrBin, kzControlDigit } from '../../lib/kz-identifiers.js';
import { retentionAlwaysEnds, walkRetention } from './register.retention.js';
import type { LegalBasisType, Purpose, Register } from './register.schema.js';
import type { RegisterPath } from './register.schema-messages.js';

export type Severity = 'error' | 'warning';

export interface RegisterFinding {
  severity: Severity;
  /** Path into the register document, turned into file:line:column by the loader. */
  at: RegisterPath;
  message: string;
  /** The rule broken: a name from docs/register.md, and for the law the profile's article. */
  rule: string;
}

export interface ValidationContext {
  /** Where a path is in the source ("12:5"), to point from one finding at a second place; optional. */
  locate?: (at: RegisterPath) => string | undefined;
}

export const RegisterRules = {
  uniqueIds: 'unique-ids',
  knownReferences: 'known-references',
  publicationPurpose: 'publication-purpose',
  cookiePurposes: 'cookie-purposes',
  cookieNames: 'cookie-names',
  operatorIdentifier: 'operator-bin-iin',
  timezone: 'operator-timezone',
  consentRetentionEnds: 'consent-retention-ends',
  withdrawalNeedsConsent: 'withdrawal-needs-consent',
  retentionCanEnd: 'retention-can-end',
  retentionPeriodMissing: 'retention-period-missing',
  crossBorderConsistency: 'cross-border-consistency',
  unusedDefinition: 'unused-definition',
} as const;

const consentBases: readonly LegalBasisType[] = ['consent', 'publication_consent'];

export function purposeName(purpose: Purpose): string {
  return purpose.number === undefined ? `'${purpose.id}'` : `'${purpose.id}' (№${purpose.number})`;
}

function checkUniqueIds(
  findings: RegisterFinding[],
  context: ValidationContext,
  what: string,
  items: { id: string }[],
  base: RegisterPath,
  key = 'id',
): void {
  const first = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const earlier = first.get(item.id);
    if (earlier === undefined) {
      first.set(item.id, i);
      continue;
    }
    const where = context.locate?.([...base, earlier, key]);
    findings.push({
      severity: 'error',
      at: [...base, i, key],
      message: `duplicate ${what} id '${item.id}': already used by ${what} #${earlier + 1}${where ? ` at ${where}` : ''}`,
      rule: RegisterRules.uniqueIds,
    });
  }
}

function checkReferences(
  findings: RegisterFinding[],
  referrer: string,
  what: string,
  references: string[],
  defined: Set<string>,
  base: RegisterPath,
): void {
  for (const [i, ref] of references.entries()) {
    if (defined.has(ref)) continue;
    findings.push({
      severity: 'error',
      at: [...base, i],
      message: `${referrer} refers to unknown ${what} '${ref}' — defined: ${[...defined].join(', ') || 'none'}`,
      rule: RegisterRules.knownReferences,
    });
  }
}

function checkOperatorIdentifier(findings: RegisterFinding[], register: Register): void {
  const value = register.operator.bin_iin;
  if (isValidIinOrBin(value)) return;
  const at = ['operator', 'bin_iin'];
  if (!hasValidKzChecksum(value)) {
    const control = kzControlDigit(value.slice(0, 11));
    findings.push({
      severity: 'error',
      at,
      message:
        control === null
          ? `'${value}' is not a valid IIN/BIN: no control digit exists for its first 11 digits`
          : `'${value}' is not a valid IIN/BIN: the control (12th) digit should be ${control}, not ${value[11]}`,
      rule: RegisterRules.operatorIdentifier,
    });
    return;
  }
  findings.push({
    severity: 'error',
    at,
    message:
      `'${value}' has a valid checksum but is neither an IIN (digits 1–6 a birth date, 7th 0–6) ` +
      'nor a BIN (digits 3–4 a month, 5th 4–6)',
    rule: RegisterRules.operatorIdentifier,
  });
}

function checkTimezone(findings: RegisterFinding[], register: Register): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: register.operator.timezone });
  } catch {
    findings.push({
      severity: 'error',
      at: ['operator', 'timezone'],
      message: `unknown time zone '${register.operator.timezone}': expected an IANA name such as Asia/Almaty`,
      rule: RegisterRules.timezone,
    });
  }
}

function checkPurposes(findings: RegisterFinding[], register: Register, context: ValidationContext): void {
  const fieldIds = new Set(register.fields.map((f) => f.id));
  const categoryIds = new Set(register.subject_categories.map((c) => c.id));
  const systemIds = new Set(register.information_systems.map((s) => s.id));
  const numbered = new Map<number, number>();

  for (const [i, purpose] of register.purposes.entries()) {
    const base: RegisterPath = ['purposes', i];
    const name = `purpose ${purposeName(purpose)}`;
    checkReferences(findings, name, 'field', purpose.fields, fieldIds, [...base, 'fields']);
    checkReferences(findings, name, 'subject category', purpose.subject_categories, categoryIds, [
      ...base,
      'subject_categories',
    ]);
    checkReferences(findings, name, 'information system', purpose.information_systems, systemIds, [
      ...base,
      'information_systems',
    ]);

    if (purpose.number !== undefined) {
      const earlier = numbered.get(purpose.number);
      if (earlier === undefined) numbered.set(purpose.number, i);
      else {
        const where = context.locate?.(['purposes', earlier, 'number']);
        findings.push({
          severity: 'error',
          at: [...base, 'number'],
          message: `duplicate purpose number ${purpose.number}: already used by purpose '${register.purposes[earlier]!.id}'${where ? ` at ${where}` : ''}`,
          rule: RegisterRules.uniqueIds,
        });
      }
    }

    checkPurposeRetention(findings, context, purpose, base, name);
  }
}

/** A purpose's retention: unique option ids, an end a consent can reach, a period the policy names. */
function checkPurposeRetention(
  findings: RegisterFinding[],
  context: ValidationContext,
  purpose: Purpose,
  base: RegisterPath,
  name: string,
): void {
  for (const { rule, path } of walkRetention(purpose.retention, [...base, 'retention'])) {
    if (rule.kind === 'depends_on') {
      checkUniqueIds(findings, context, 'retention option', rule.options, [...path, 'options']);
    }
  }

  const bases = purpose.legal_bases.map((b) => b.type);
  const hasConsentBasis = bases.some((b) => consentBases.includes(b));
  if (bases.includes('consent') && !retentionAlwaysEnds(purpose.retention)) {
    findings.push({
      severity: 'warning',
      at: [...base, 'retention'],
      message:
        `${name} rests on consent, but its retention can last until the operator is liquidated: ` +
        'a consent-based purpose should end when the consent is withdrawn or the purpose is achieved',
      rule: RegisterRules.consentRetentionEnds,
    });
  }
  if (!retentionCanEnd(purpose.retention, hasConsentBasis)) {
    findings.push({
      severity: 'error',
      at: [...base, 'retention'],
      message:
        `${name}: its retention can never end — every branch waits for a consent withdrawal, and the purpose ` +
        'collects no consent. The data would be kept for ever and no sweep could destroy it: give the purpose a ' +
        'period (after_collection, contract_period…) or a consent basis',
      rule: RegisterRules.retentionCanEnd,
    });
  }
  if (purpose.retention_period_missing) {
    findings.push({
      severity: 'warning',
      at: [...base, 'retention_period_missing'],
      message:
        `${name}: the policy names no retention period for it, so the data is kept until the consent is ` +
        'withdrawn. Set a period in `retention` (e.g. first_of: until_consent_withdrawal and after_collection ' +
        '{ years: N }), state it in the policy, and remove retention_period_missing',
      rule: RegisterRules.retentionPeriodMissing,
    });
  }
  if (!hasConsentBasis) {
    for (const { rule, path } of walkRetention(purpose.retention, [...base, 'retention'])) {
      if (rule.kind !== 'until_consent_withdrawal') continue;
      findings.push({
        severity: 'warning',
        at: path,
        message:
          `${name} ends on consent withdrawal, but none of its legal bases is a consent ` +
          `(${bases.join(', ')}): with no consent collected there is nothing to withdraw, so this branch ` +
          'never fires — add a consent basis or drop the branch. A warning, not an error: published ' +
          'policies are written like this (the nextbot.kz seed, purpose 5)',
        rule: RegisterRules.withdrawalNeedsConsent,
      });
    }
  }
}

/**
 * Whether some event can end the rule: a withdrawal only where a consent is collected; "until liquidation"
 * ends when the operator declares it. `first_of` needs one branch that can end, `depends_on` every option.
 */
function retentionCanEnd(rule: Purpose['retention'], hasConsent: boolean): boolean {
  switch (rule.kind) {
    case 'until_consent_withdrawal':
      return hasConsent;
    case 'first_of':
      return rule.rules.some((r) => retentionCanEnd(r, hasConsent));
    case 'depends_on':
      return rule.options.every((o) => retentionCanEnd(o.rule, hasConsent));
    default:
      return true;
  }
}

function checkPublication(findings: RegisterFinding[], register: Register): void {
  const publication = register.publication;
  if (!publication) return;
  const purpose = register.purposes.find((p) => p.id === publication.purpose);
  if (!purpose) {
    findings.push({
      severity: 'error',
      at: ['publication', 'purpose'],
      message: `publication refers to unknown purpose '${publication.purpose}' — defined: ${register.purposes.map((p) => p.id).join(', ')}`,
      rule: RegisterRules.publicationPurpose,
    });
    return;
  }
  if (!purpose.legal_bases.some((b) => b.type === 'publication_consent')) {
    findings.push({
      severity: 'error',
      at: ['publication', 'purpose'],
      message:
        `publication purpose ${purposeName(purpose)} has no publication_consent legal basis ` +
        `(it has ${purpose.legal_bases.map((b) => b.type).join(', ')}): data permitted for publication needs ` +
        "the subject's separate consent",
      rule: RegisterRules.publicationPurpose,
    });
  }
  const seen = new Set<string>();
  for (const [i, entry] of publication.fields.entries()) {
    const at = ['publication', 'fields', i, 'field'];
    if (seen.has(entry.field)) {
      findings.push({
        severity: 'error',
        at,
        message: `field '${entry.field}' is listed twice for publication`,
        rule: RegisterRules.uniqueIds,
      });
    }
    seen.add(entry.field);
    if (!purpose.fields.includes(entry.field)) {
      const defined = register.fields.some((f) => f.id === entry.field);
      findings.push({
        severity: 'error',
        at,
        message: defined
          ? `publication field '${entry.field}' is not among the fields of purpose ${purposeName(purpose)} (${purpose.fields.join(', ')})`
          : `publication refers to unknown field '${entry.field}' — fields of purpose ${purposeName(purpose)}: ${purpose.fields.join(', ')}`,
        rule: RegisterRules.publicationPurpose,
      });
    }
  }
}

function checkCookies(findings: RegisterFinding[], register: Register, context: ValidationContext): void {
  const cookies = register.cookies;
  if (!cookies) return;
  checkUniqueIds(findings, context, 'cookie category', cookies.categories, ['cookies', 'categories']);
  const purposeIds = new Set(register.purposes.map((p) => p.id));
  // A cookie name or pattern belongs to one category: the widget deletes it when that category is withdrawn.
  const seen = new Map<string, string>();
  for (const [i, category] of cookies.categories.entries()) {
    for (const [j, ref] of category.purposes.entries()) {
      if (purposeIds.has(ref)) continue;
      findings.push({
        severity: 'error',
        at: ['cookies', 'categories', i, 'purposes', j],
        message: `cookie category '${category.id}' refers to unknown purpose '${ref}' — defined: ${[...purposeIds].join(', ')}`,
        rule: RegisterRules.cookiePurposes,
      });
    }
    for (const [j, cookie] of category.cookies.entries()) {
      const at: RegisterPath = ['cookies', 'categories', i, 'cookies', j, cookie.name ? 'name' : 'pattern'];
      const key = cookie.name ? `name ${cookie.name}` : `pattern ${cookie.pattern}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        findings.push({
          severity: 'error',
          at,
          message: `duplicate cookie ${key.replace(' ', " '")}': already listed in cookie category '${earlier}'`,
          rule: RegisterRules.cookieNames,
        });
      }
      seen.set(key, category.id);
      if (cookie.pattern === undefined) continue;
      try {
        new RegExp(cookie.pattern);
      } catch (error) {
        findings.push({
          severity: 'error',
          at,
          message: `cookie pattern '${cookie.pattern}' is not a valid JavaScript regular expression: ${(error as Error).message}`,
          rule: RegisterRules.cookieNames,
        });
      }
    }
  }
}

function checkCrossBorder(findings: RegisterFinding[], register: Register): void {
  const { allowed, countries } = register.cross_border;
  if (!allowed && countries.length > 0) {
    findings.push({
      severity: 'error',
      at: ['cross_border', 'countries'],
      message:
        `cross-border transfer is not allowed (allowed: false), yet countries are listed (${countries.join(', ')}): ` +
        'either allow it or empty the list',
      rule: RegisterRules.crossBorderConsistency,
    });
  }
}

/** Definitions no purpose uses: harmless, but usually a typo or a leftover. */
function checkUnused(findings: RegisterFinding[], register: Register): void {
  const used = {
    fields: new Set(register.purposes.flatMap((p) => p.fields)),
    subject_categories: new Set(register.purposes.flatMap((p) => p.subject_categories)),
    information_systems: new Set(register.purposes.flatMap((p) => p.information_systems)),
  };
  const what = {
    fields: 'field',
    subject_categories: 'subject category',
    information_systems: 'information system',
  };
  for (const section of ['fields', 'subject_categories', 'information_systems'] as const) {
    for (const [i, item] of register[section].entries()) {
      if (used[section].has(item.id)) continue;
      findings.push({
        severity: 'warning',
        at: [section, i, 'id'],
        message: `${what[section]} '${item.id}' is defined but no purpose uses it`,
        rule: RegisterRules.unusedDefinition,
      });
    }
  }
}

export function validateRegisterSemantics(
  register: Register,
  context: ValidationContext = {},
): RegisterFinding[] {
  const findings: RegisterFinding[] = [];
  checkUniqueIds(findings, context, 'field', register.fields, ['fields']);
  checkUniqueIds(findings, context, 'purpose', register.purposes, ['purposes']);
  checkUniqueIds(findings, context, 'subject category', register.subject_categories, ['subject_categories']);
  checkUniqueIds(findings, context, 'information system', register.information_systems, [
    'information_systems',
  ]);
  checkUniqueIds(findings, context, 'disclosure ground', register.disclosure_grounds, ['disclosure_grounds']);
  checkUniqueIds(findings, context, 'additional processing', register.additional_processing, [
    'additional_processing',
  ]);
  checkOperatorIdentifier(findings, register);
  checkTimezone(findings, register);
  checkPurposes(findings, register, context);
  checkPublication(findings, register);
  checkCookies(findings, register, context);
  const purposeIds = new Set(register.purposes.map((p) => p.id));
  for (const [i, item] of register.additional_processing.entries()) {
    checkReferences(findings, `additional processing '${item.id}'`, 'purpose', item.purposes, purposeIds, [
      'additional_processing',
      i,
      'purposes',
    ]);
  }
  checkCrossBorder(findings, register);
  checkUnused(findings, register);
  return findings;
}
