// Holds the register against its jurisdiction's law (profiles/<code>.yaml): the operator may promise
// shorter deadlines than the law, never longer ones; it may not keep data abroad where the law wants it
// kept at home; it may not hold biometric fields while declaring it processes none. Every number comes
// from the profile, so a change in the law is a change in data.
import type { DeadlineKind, JurisdictionProfile, LegalDeadline } from '../jurisdiction/profile.schema.js';
import type { Deadline, OperatorDeadlines, Register } from './register.schema.js';
import type { RegisterFinding } from './register.validate.js';

export const JurisdictionRules = {
  deadline: 'deadline-within-law',
  deadlineNotInLaw: 'deadline-set-by-operator',
  biometrics: 'no-undeclared-biometrics',
  localisation: 'storage-localisation',
} as const;

/** Which deadline of the law each operator deadline is held against. */
export const registerDeadlineKinds: Record<keyof OperatorDeadlines, DeadlineKind> = {
  consent_withdrawal: 'consent_withdrawal',
  information_request: 'information_request',
  access_request: 'access_request',
  rectification: 'rectification',
  blocking: 'blocking',
  unblocking: 'unblocking',
  destruction: 'destruction',
  objection_automated_decision: 'objection_automated_decision',
  unlawful_publication_removal: 'unlawful_publication_removal',
};

/**
 * A working day is at least one calendar day, and N working days span at most N·7/5 calendar days plus
 * the longest run of holidays that can fall inside them. Fourteen days covers the longest Kazakh and
 * Russian holiday blocks (New Year, Nauryz with carry-overs) with room to spare; it is a bound for
 * comparing units, not a calendar — exact dates come from the working-day calendar at run time.
 */
const HOLIDAY_SLACK_DAYS = 14;

/** The shortest and the longest number of calendar days a deadline can take. */
function calendarSpan(deadline: Deadline): { min: number; max: number } {
  switch (deadline.unit) {
    case 'calendar_days':
      return { min: deadline.amount, max: deadline.amount };
    case 'hours':
      return { min: deadline.amount / 24, max: deadline.amount / 24 };
    case 'working_days':
      return { min: deadline.amount, max: (deadline.amount * 7) / 5 + HOLIDAY_SLACK_DAYS };
  }
}

const unitWords: Record<Deadline['unit'], [string, string]> = {
  working_days: ['working day', 'working days'],
  calendar_days: ['calendar day', 'calendar days'],
  hours: ['hour', 'hours'],
};

export function describeDeadline(deadline: Pick<Deadline, 'amount' | 'unit'>): string {
  const [one, many] = unitWords[deadline.unit];
  return `${deadline.amount} ${deadline.amount === 1 ? one : many}`;
}

export type DeadlineComparison = 'within' | 'exceeds' | 'may_exceed';

/** Whether the operator's deadline is certainly within, certainly beyond, or possibly beyond the law's. */
export function compareDeadlines(own: Deadline, law: Deadline): DeadlineComparison {
  if (own.unit === law.unit) return own.amount > law.amount ? 'exceeds' : 'within';
  const ownSpan = calendarSpan(own);
  const lawSpan = calendarSpan(law);
  if (ownSpan.min > lawSpan.max) return 'exceeds';
  if (ownSpan.max <= lawSpan.min) return 'within';
  return 'may_exceed';
}

/**
 * The citation a profile rule opens with ("Закон РК № 94-V, ст. 8 п. 7: …" → "Закон РК № 94-V, ст. 8 п. 7"),
 * so the rule tag stays short while the message quotes the rule in full.
 */
export function citationOf(ruleText: string): string | undefined {
  return /^([^:]{1,120}):\s/.exec(ruleText)?.[1];
}

function lawRule(ruleId: string, ruleText: string): string {
  const citation = citationOf(ruleText);
  return citation ? `${ruleId}, ${citation}` : ruleId;
}

function checkDeadlines(findings: RegisterFinding[], register: Register, profile: JurisdictionProfile): void {
  for (const key of Object.keys(registerDeadlineKinds) as (keyof OperatorDeadlines)[]) {
    const own = register.deadlines[key];
    const law: LegalDeadline | undefined = profile.deadlines[registerDeadlineKinds[key]];
    if (!own || !law) continue;
    const comparison = compareDeadlines(own, law);
    if (comparison === 'within') continue;
    const at = ['deadlines', key];
    const rule = lawRule(JurisdictionRules.deadline, law.rule);
    if (comparison === 'exceeds') {
      findings.push({
        severity: 'error',
        at,
        message:
          `deadlines.${key}: ${describeDeadline(own)} is longer than the law allows — ` +
          `${profile.code} sets at most ${describeDeadline(law)} (${law.rule}); ` +
          'a policy may be stricter than the law, never looser',
        rule,
      });
    } else {
      findings.push({
        severity: 'warning',
        at,
        message:
          `deadlines.${key}: ${describeDeadline(own)} may run past the law's ${describeDeadline(law)} ` +
          `(${law.rule}) when weekends and holidays fall inside it; state the deadline in ` +
          `${unitWords[law.unit][1]}, as the law does, to be sure`,
        rule,
      });
    }
  }
}

/**
 * A number of the profile that cannot be tied to an article and point of the law (`unconfirmed`) is not
 * presented to subjects as the law's: the operator sets its own number in the register, and until it does the
 * profile's number is stated as the operator's commitment. Each such deadline the register leaves unset warns.
 */
function checkDeadlinesNotInLaw(
  findings: RegisterFinding[],
  register: Register,
  profile: JurisdictionProfile,
): void {
  for (const key of Object.keys(registerDeadlineKinds) as (keyof OperatorDeadlines)[]) {
    const law = profile.deadlines[registerDeadlineKinds[key]];
    if (!law?.unconfirmed || register.deadlines[key]) continue;
    findings.push({
      severity: 'warning',
      at: ['deadlines'],
      message:
        `deadlines.${key}: the ${profile.code} profile's ${describeDeadline(law)} is tied to no article and point of the law (${law.rule}); ` +
        `set the deadline your policy commits to, e.g. deadlines.${key}: { amount: ${law.amount}, unit: ${law.unit}, clause: "<policy clause>" }. ` +
        `Until then subjects are told ${describeDeadline(law)} as the operator's commitment`,
      rule: JurisdictionRules.deadlineNotInLaw,
    });
  }
}

function checkBiometrics(
  findings: RegisterFinding[],
  register: Register,
  profile: JurisdictionProfile,
): void {
  if (register.processes_biometrics) return;
  for (const [i, field] of register.fields.entries()) {
    const bySensitivity = field.sensitivity.indexOf('biometric');
    if (bySensitivity < 0 && field.category !== 'biometric') continue;
    const users = register.purposes.filter((p) => p.fields.includes(field.id)).map((p) => p.id);
    findings.push({
      severity: 'error',
      at: bySensitivity >= 0 ? ['fields', i, 'sensitivity', bySensitivity] : ['fields', i, 'category'],
      message:
        `field '${field.id}' is biometric, but the register declares processes_biometrics: false` +
        `${users.length > 0 ? ` (used by ${users.map((u) => `'${u}'`).join(', ')})` : ''}; ` +
        `${profile.biometrics.rule} — remove the field or declare biometric processing`,
      rule: lawRule(JurisdictionRules.biometrics, profile.biometrics.rule),
    });
  }
}

function checkLocalisation(
  findings: RegisterFinding[],
  register: Register,
  profile: JurisdictionProfile,
): void {
  const required = profile.localisation.required_countries;
  const rule = lawRule(JurisdictionRules.localisation, profile.localisation.rule);
  const outside = (country: string) => !required.includes(country);
  for (const [i, country] of register.operator.storage_countries.entries()) {
    if (!outside(country)) continue;
    findings.push({
      severity: 'error',
      at: ['operator', 'storage_countries', i],
      message: `storage country ${country} is outside ${required.join(', ')}: «${profile.localisation.rule}»`,
      rule,
    });
  }
  for (const [i, system] of register.information_systems.entries()) {
    if (!outside(system.location)) continue;
    findings.push({
      severity: 'error',
      at: ['information_systems', i, 'location'],
      message:
        `information system '${system.id}' is located in ${system.location}, outside ${required.join(', ')}: ` +
        `«${profile.localisation.rule}»`,
      rule,
    });
  }
}

export function validateAgainstJurisdiction(
  register: Register,
  profile: JurisdictionProfile,
): RegisterFinding[] {
  const findings: RegisterFinding[] = [];
  checkDeadlines(findings, register, profile);
  checkDeadlinesNotInLaw(findings, register, profile);
  checkBiometrics(findings, register, profile);
  checkLocalisation(findings, register, profile);
  return findings;
}
