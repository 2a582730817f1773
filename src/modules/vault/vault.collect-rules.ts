// The register's rules a collection must meet before anything is written: which fields each purpose may hold
// (data minimisation, biometrics), and the legal basis each purpose is collected under with what that needs.
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { LegalBasisType, Purpose } from '../register/register.schema.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { validationError } from './field-values.js';
import type { CollectInput } from './vault.model.js';
import type { ValueBasis } from './vault.table.js';

/** A consent of the subject in force for one of the purposes collected for. */
export interface LiveConsent {
  id: string;
  purposeId: string;
  kind: 'processing' | 'publication';
}

/** Data minimisation: only fields every named purpose lists; never biometric data when none is declared. */
export function checkFieldsAllowed(rules: RegisterRules, purposes: Purpose[], fieldIds: string[]): void {
  const biometric = fieldIds.filter((id) => {
    const field = rules.field(id);
    return field && (field.category === 'biometric' || field.sensitivity.includes('biometric'));
  });
  if (biometric.length > 0 && !rules.register.processes_biometrics) {
    throw new DomainError(
      ErrorCodes.BIOMETRIC_REFUSED,
      `Биометрические данные не обрабатываются (${biometric.join(', ')}): оператор заявил, что не обрабатывает их. ` +
        `${rules.profile.biometrics.rule}. Biometric data is refused.`,
      { issues: biometric.map((f) => ({ path: `values.${f}`, message: 'biometric data is refused' })) },
    );
  }
  const issues: ErrorIssue[] = [];
  for (const id of fieldIds) {
    if (!rules.field(id)) {
      issues.push({ path: `values.${id}`, message: `поле «${id}» не описано в реестре / unknown field` });
      continue;
    }
    for (const p of purposes) {
      if (!p.fields.includes(id)) {
        issues.push({
          path: `values.${id}`,
          message: `поле «${id}» не входит в перечень ПД цели «${p.id}» (${p.title.ru}); разрешены: ${p.fields.join(', ')}`,
        });
      }
    }
  }
  if (issues.length > 0) {
    const names = [...new Set(issues.map((i) => i.path.slice('values.'.length)))].join(', ');
    throw new DomainError(
      ErrorCodes.FIELD_NOT_ALLOWED_FOR_PURPOSE,
      `Поля ${names} нельзя собирать для цели ${purposes.map((p) => p.id).join(', ')}. ` +
        `Fields ${names} are not allowed for purpose ${purposes.map((p) => p.id).join(', ')}.`,
      { issues, details: { fields: names.split(', '), purposes: purposes.map((p) => p.id) } },
    );
  }
}

/** Picks the legal basis each purpose is collected under, and checks what that basis requires. */
export function chooseBases(live: LiveConsent[], purposes: Purpose[], input: CollectInput): ValueBasis[] {
  return purposes.map((p): ValueBasis => {
    const option = input.retentionOptions?.[p.id];
    const basis = chooseBasis(live, p, input);
    return option ? { ...basis, retentionOption: option } : basis;
  });
}

/**
 * The basis named by the caller; else a contract when a contract reference is given; else a live consent;
 * else a basis that stands alone; else the consent or contract basis, whose check then refuses.
 */
function chooseBasis(live: LiveConsent[], p: Purpose, input: CollectInput): ValueBasis {
  const basisOf = (type: LegalBasisType) => p.legal_bases.find((b) => b.type === type);
  const use = (type: LegalBasisType) => useBasis(live, p, input, type);
  if (input.legalBasis) {
    if (!basisOf(input.legalBasis)) {
      throw validationError(`Основание «${input.legalBasis}» не указано в реестре для цели «${p.id}»`, [
        {
          path: 'legal_basis',
          message: `ожидается одно из: ${p.legal_bases.map((b) => b.type).join(', ')}`,
        },
      ]);
    }
    return use(input.legalBasis);
  }
  if (input.contractRef && basisOf('contract')) return use('contract');
  if (basisOf('consent') && liveConsent(live, p, 'processing')) return use('consent');
  if (basisOf('publication_consent') && liveConsent(live, p, 'publication'))
    return use('publication_consent');
  const standalone = p.legal_bases.find((b) =>
    ['legal_duty', 'legitimate_interest', 'statistics_research', 'vital_interest'].includes(b.type),
  );
  if (standalone) return use(standalone.type);
  return use(
    basisOf('consent') ? 'consent' : basisOf('publication_consent') ? 'publication_consent' : 'contract',
  );
}

const liveConsent = (live: LiveConsent[], p: Purpose, kind: LiveConsent['kind']) =>
  live.find((c) => c.purposeId === p.id && c.kind === kind);

/** The purpose's basis of this type, with what it requires: a live consent, or a contract reference. */
function useBasis(live: LiveConsent[], p: Purpose, input: CollectInput, type: LegalBasisType): ValueBasis {
  const basis = p.legal_bases.find((b) => b.type === type)!;
  if (type === 'consent' || type === 'publication_consent') {
    const consent = liveConsent(live, p, type === 'consent' ? 'processing' : 'publication');
    if (!consent) {
      throw new DomainError(
        ErrorCodes.CONSENT_REQUIRED,
        `Для цели «${p.id}» (${p.title.ru}) нужно действующее согласие субъекта ` +
          `${type === 'publication_consent' ? 'на распространение ' : ''}— его нет или оно отозвано. ` +
          `Purpose ${p.id} needs a live consent.`,
        { issues: [{ path: 'purposes', message: `no live ${type} for purpose ${p.id}` }] },
      );
    }
    return { purpose: p.id, type, reference: basis.reference, consentId: consent.id };
  }
  if (type === 'contract') {
    if (!input.contractRef) {
      throw new DomainError(
        ErrorCodes.CONTRACT_REFERENCE_REQUIRED,
        `Цель «${p.id}» собирается на основании договора: укажите contract_ref (номер или идентификатор ` +
          'договора). Contract basis needs contract_ref.',
        { issues: [{ path: 'contract_ref', message: 'required for the contract basis' }] },
      );
    }
    return { purpose: p.id, type, reference: basis.reference, contractRef: input.contractRef };
  }
  return { purpose: p.id, type, reference: basis.reference };
}
