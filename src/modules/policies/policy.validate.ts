// Whether a register may be published: the same three layers `amanat register validate` applies to the file
// (the schema, the register's own rules, the jurisdiction's law), here on the register as data. Findings of
// error level refuse the publish, each named by its rule and its path in the register.
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import { validateAgainstJurisdiction } from '../register/register.jurisdiction.js';
import { type Register, register as registerSchema } from '../register/register.schema.js';
import { validateRegisterSemantics } from '../register/register.validate.js';

const pathOf = (at: readonly (string | number)[]) => (at.length === 0 ? 'register' : at.join('.'));

/** The register as the schema reads it (defaults filled), or a REGISTER_INVALID error naming each rule. */
export function publishableRegister(register: unknown, profile: JurisdictionProfile): Register {
  const parsed = registerSchema.safeParse(register);
  let issues: ErrorIssue[];
  if (!parsed.success) {
    issues = parsed.error.issues.map((issue) => ({
      path: pathOf(issue.path as (string | number)[]),
      message: issue.message,
      rule: 'schema',
    }));
  } else {
    const findings = [
      ...validateRegisterSemantics(parsed.data),
      ...validateAgainstJurisdiction(parsed.data, profile),
    ];
    issues = findings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ path: pathOf(f.at), message: f.message, rule: f.rule }));
    if (issues.length === 0) return parsed.data;
  }
  const rules = [...new Set(issues.map((i) => `${i.rule} (${i.path})`))].join(', ');
  throw new DomainError(
    ErrorCodes.REGISTER_INVALID,
    `Реестр не прошёл проверку, политику по нему опубликовать нельзя: ${rules}. ` +
      `The register fails validation and cannot be published: ${rules}.`,
    { issues },
  );
}
