// The access report: everything held about a subject, per purpose, with its basis, source, dates, retention,
// recipients and consents. JSON schema `amanat.access-report/1` is documented in docs/requests.md.
import { basisReference, describeRetention, type Lang, localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { HeldValue } from '../vault/vault.rights.js';
import type { RequestSummary } from './request.service.js';

export const ACCESS_REPORT_SCHEMA = 'amanat.access-report/1';

export interface ReportConsent {
  id: string;
  purpose: string;
  kind: string;
  status: string;
  grantedAt: Date;
  channel: string;
  text: string;
  policyVersion: string;
  withdrawnAt: Date | null;
  evidence: { subjectFullName?: string; ip?: string; userAgent?: string };
}

export interface AccessReport {
  schema: typeof ACCESS_REPORT_SCHEMA;
  generatedAt: string;
  language: Lang;
  request: { id: string; number: number; type: string; receivedAt: string; dueDate: string };
  operator: {
    name: string;
    binIin: string;
    address: string;
    email: string;
    phone?: string;
    responsiblePerson: { name: string; position?: string; email: string };
  };
  /** True when the operator holds nothing about the person: itself an answer. */
  noDataHeld: boolean;
  /** The identifiers the operator finds the person by (e-mail, phone, IIN): data held too. */
  subject: { id: string; status: string; identities: { kind: string; value?: string }[] } | null;
  purposes: {
    id: string;
    number?: number;
    title: string;
    processing: string;
    legalBases: { type: string; reference: string }[];
    retention: string;
    values: {
      field: string;
      label: string;
      /** Absent in an information report, which names the fields but not their values. */
      value?: unknown;
      source: string;
      collectedAt: string;
      updatedAt: string;
      legalBasis: { type: string; reference: string; consentId?: string; contractRef?: string } | null;
      status: 'active' | 'marked_for_destruction';
      destroyBy: string | null;
    }[];
    /** Disclosures of this purpose's data to recipients, from the disclosure log. */
    recipients: { name: string; country: string; at: string; fields: string[] }[];
  }[];
  consents: ReportConsent[];
}

export function buildAccessReport(input: {
  rules: RegisterRules;
  request: RequestSummary;
  language: Lang;
  now: Date;
  withValues: boolean;
  held: {
    status: string;
    values: HeldValue[];
    identities: { kind: string; value: string }[];
    subjectId: string;
  } | null;
  consents: ReportConsent[];
  disclosed?: { purposeId: string; name: string; country: string; at: Date; fields: string[] }[];
}): AccessReport {
  const { rules, request, language: lang } = input;
  const op = rules.register.operator;
  const purposeIds = new Set(input.held?.values.flatMap((v) => v.purposes) ?? []);
  for (const c of input.consents) purposeIds.add(c.purpose);
  for (const d of input.disclosed ?? []) purposeIds.add(d.purposeId);
  const purposes = rules
    .purposes()
    .filter((p) => purposeIds.has(p.id))
    .map((p) => ({
      id: p.id,
      number: p.number,
      title: localized(p.title, lang),
      processing: p.processing,
      legalBases: p.legal_bases.map((b) => ({
        type: b.type,
        reference: basisReference(b, lang),
      })),
      retention: describeRetention(p.retention, lang),
      values: (input.held?.values ?? [])
        .filter((v) => v.purposes.includes(p.id))
        .map((v) => {
          const basis = v.legalBases.find((b) => b.purpose === p.id);
          const field = rules.field(v.field);
          return {
            field: v.field,
            label: field ? localized(field.labels, lang) : v.field,
            ...(input.withValues ? { value: v.value } : {}),
            source: v.source,
            collectedAt: v.collectedAt.toISOString(),
            updatedAt: v.updatedAt.toISOString(),
            legalBasis: basis
              ? {
                  type: basis.type,
                  reference: basis.reference,
                  ...(basis.consentId ? { consentId: basis.consentId } : {}),
                  ...(basis.contractRef ? { contractRef: basis.contractRef } : {}),
                }
              : null,
            status: v.status,
            destroyBy: v.destroyBy ? v.destroyBy.toISOString() : null,
          };
        }),
      recipients: (input.disclosed ?? [])
        .filter((d) => d.purposeId === p.id)
        .map((d) => ({ name: d.name, country: d.country, at: d.at.toISOString(), fields: d.fields })),
    }));
  return {
    schema: ACCESS_REPORT_SCHEMA,
    generatedAt: input.now.toISOString(),
    language: lang,
    request: {
      id: request.id,
      number: request.number,
      type: request.type,
      receivedAt: request.receivedAt.toISOString(),
      dueDate: request.dueDate,
    },
    operator: {
      name: localized(op.name, lang),
      binIin: op.bin_iin,
      address: localized(op.address, lang),
      email: op.email,
      ...(op.phone ? { phone: op.phone } : {}),
      responsiblePerson: op.responsible_person,
    },
    noDataHeld:
      !input.held ||
      (input.held.values.length === 0 && input.consents.length === 0 && input.held.identities.length === 0),
    subject: input.held
      ? {
          id: input.held.subjectId,
          status: input.held.status,
          identities: input.held.identities.map((i) => (input.withValues ? i : { kind: i.kind })),
        }
      : null,
    purposes,
    consents: input.consents,
  };
}
