// Run-time view of the register: lookups and decisions derived from the operator's register and the law's
// profile, so services never re-derive them (which fields a purpose may collect, which deadline governs).
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { DeadlineKind, JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import { registerDeadlineKinds } from '../register/register.jurisdiction.js';
import { localized } from '../register/register.retention.js';
import type { DataField, Deadline, LegalBasisType, Purpose, Register } from '../register/register.schema.js';

export interface GoverningDeadline extends Deadline {
  source: 'register' | 'law';
  rule: string;
  /** The operator's policy clause that states the deadline, where the register names one. */
  clause?: string;
}

// The operator's deadline key for each deadline kind of the law (the inverse of the validation's map).
const registerDeadlineKeys = Object.fromEntries(
  Object.entries(registerDeadlineKinds).map(([key, kind]) => [kind, key]),
) as Partial<Record<DeadlineKind, keyof Register['deadlines']>>;

export function createRegisterRules(register: Register, profile: JurisdictionProfile, sourceFile: string) {
  const purposes = new Map(register.purposes.map((p) => [p.id, p]));
  const fields = new Map(register.fields.map((f) => [f.id, f]));

  function purpose(id: string): Purpose {
    const found = purposes.get(id);
    if (!found) {
      throw new DomainError(
        ErrorCodes.UNKNOWN_PURPOSE,
        `Цель обработки «${id}» не найдена в реестре. Известные цели: ${[...purposes.keys()].join(', ')}. Unknown purpose.`,
        { issues: [{ path: 'purpose', message: `unknown purpose '${id}'` }] },
      );
    }
    return found;
  }

  function field(id: string): DataField | undefined {
    return fields.get(id);
  }

  function hasBasis(p: Purpose, type: LegalBasisType): boolean {
    return p.legal_bases.some((b) => b.type === type);
  }

  /**
   * The operator's own deadline when it has one (validation guarantees it is not longer), else the law's. The
   * rule is what a subject or an inspector reads as the deadline's basis: the policy's clause, the law's
   * article and point, or — for a number the law ties to no article — the operator's commitment. Never a
   * file path or a note.
   */
  function governingDeadline(kind: DeadlineKind): GoverningDeadline {
    const key = registerDeadlineKeys[kind];
    const own = key ? register.deadlines[key] : undefined;
    const law = profile.deadlines[kind];
    if (own) {
      return {
        amount: own.amount,
        unit: own.unit,
        source: 'register',
        rule: policyCitation(own.clause),
        ...(own.clause ? { clause: own.clause } : {}),
      };
    }
    if (law?.unconfirmed) {
      return { amount: law.amount, unit: law.unit, source: 'register', rule: policyCitation(undefined) };
    }
    if (law) return { amount: law.amount, unit: law.unit, source: 'law', rule: law.rule };
    throw new DomainError(
      ErrorCodes.CONFIG_INVALID,
      `Срок «${kind}» не задан ни в реестре, ни в профиле ${profile.code}`,
    );
  }

  /** The operator's policy, by clause where the register names one, else by edition. */
  function policyCitation(clause: string | undefined): string {
    const policy = `Политика обработки персональных данных ${localized(register.operator.name, 'ru')}`;
    if (clause) return `${policy}, п. ${clause}: срок, установленный оператором`;
    return `${policy} (редакция ${register.policy.version}): срок, который оператор обязуется соблюдать`;
  }

  return {
    register,
    profile,
    sourceFile,
    purpose,
    field,
    hasBasis,
    governingDeadline,
    purposes: () => register.purposes,
  };
}

export type RegisterRules = ReturnType<typeof createRegisterRules>;
