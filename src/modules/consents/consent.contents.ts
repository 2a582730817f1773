// What a consent must say before it is recorded: the contents the jurisdiction requires (KZ Art. 8), the kind
// matching the purpose, and named recipients that are in the recipient register.
import type { Sql } from '../../db/database.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { GrantInput } from './consent.record.js';
import type { PublicationFieldPermission } from './consent.table.js';

const contentLabels: Record<string, string> = {
  subject_full_name: 'ФИО субъекта (subject_full_name)',
  term: 'срок согласия (term)',
  third_party_transfer: 'разрешена ли передача третьим лицам (third_party_transfer)',
  cross_border_transfer: 'разрешена ли трансграничная передача (cross_border_transfer)',
  publication: 'разрешено ли распространение в общедоступных источниках (publication)',
  data_list: 'перечень данных (data_fields)',
};

/** The consent must name what the jurisdiction requires (KZ Art. 8); the operator's part comes from the register. */
export function checkContents(rules: RegisterRules, input: GrantInput, purposeFields: string[]): string[] {
  const issues: ErrorIssue[] = [];
  const { required, rule } = rules.profile.consent_contents;
  const provided: Record<string, boolean> = {
    operator_name: true,
    operator_bin_iin: true,
    subject_full_name: Boolean(input.subjectFullName?.trim()),
    // With no term the consent lasts until the purpose is achieved (KZ Art. 8), so "no term" is a term.
    term: true,
    third_party_transfer: input.thirdPartyTransfer !== undefined,
    cross_border_transfer: input.crossBorderTransfer !== undefined,
    publication: input.publication !== undefined,
    data_list: true,
  };
  for (const item of required) {
    if (!provided[item])
      issues.push({ path: item, message: `не указано: ${contentLabels[item] ?? item}`, rule });
  }
  const dataFields = input.dataFields ?? purposeFields;
  for (const f of dataFields) {
    if (!purposeFields.includes(f)) {
      issues.push({
        path: 'data_fields',
        message: `поле «${f}» не входит в перечень ПД цели «${input.purpose}»`,
      });
    }
  }
  if (input.crossBorderTransfer && !rules.register.cross_border.allowed) {
    issues.push({
      path: 'cross_border_transfer',
      message: 'оператор не осуществляет трансграничную передачу, согласие на неё принять нельзя',
      rule: rules.register.cross_border.rule.ru,
    });
  }
  if (issues.length > 0) {
    throw new DomainError(
      ErrorCodes.CONSENT_CONTENT_INCOMPLETE,
      `Согласие не содержит обязательных сведений (${rule}). The consent lacks required contents.`,
      { issues },
    );
  }
  return dataFields;
}

/** A processing consent needs a purpose with a consent basis; a publication consent, the publication purpose and its fields. */
export function checkKind(rules: RegisterRules, input: GrantInput): PublicationFieldPermission[] | null {
  const purpose = rules.purpose(input.purpose);
  if (input.kind === 'processing') {
    if (!rules.hasBasis(purpose, 'consent')) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Цель «${purpose.id}» обрабатывается не на основании согласия: основания — ` +
          `${purpose.legal_bases.map((b) => b.type).join(', ')}. Purpose ${purpose.id} has no consent basis.`,
        { issues: [{ path: 'purpose', message: 'у цели нет основания consent' }] },
      );
    }
    return null;
  }
  const publication = rules.register.publication;
  if (!publication || publication.purpose !== purpose.id) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Согласие на распространение принимается только для цели «${publication?.purpose ?? '—'}». ` +
        'Publication consent belongs to the publication purpose.',
      { issues: [{ path: 'purpose', message: 'not the publication purpose of the register' }] },
    );
  }
  const permitted = new Map(publication.fields.map((f) => [f.field, f]));
  const requested = input.publicationFields ?? [];
  const issues: ErrorIssue[] = [];
  if (requested.length === 0) {
    issues.push({
      path: 'publication_fields',
      message: `перечислите поля, разрешённые для распространения: ${[...permitted.keys()].join(', ')}`,
    });
  }
  for (const f of requested) {
    if (!permitted.has(f.field)) {
      issues.push({
        path: 'publication_fields',
        message: `поле «${f.field}» не входит в перечень ПД, разрешённых для распространения (${[...permitted.keys()].join(', ')})`,
      });
    }
  }
  if (issues.length > 0) {
    throw new DomainError(ErrorCodes.VALIDATION_FAILED, 'Неверный перечень полей для распространения', {
      issues,
    });
  }
  return requested.map((f) => ({ field: f.field, restrictions: f.restrictions ?? [] }));
}

/** Named recipients must be in the recipient register, and naming them only makes sense with a transfer. */
export async function checkTransferRecipients(sql: Sql, input: GrantInput): Promise<void> {
  const named = input.transferRecipients ?? [];
  if (named.length === 0) return;
  if (!input.thirdPartyTransfer) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      'Получатели указаны, но передача третьим лицам не разрешена (third_party_transfer). ' +
        'Recipients are named but the consent does not allow third-party transfer.',
      {
        issues: [
          {
            path: 'transfer_recipients',
            message: 'укажите third_party_transfer: true или уберите получателей',
          },
        ],
      },
    );
  }
  const found = await sql.query<{ id: string }>(
    'SELECT id::text AS id FROM recipients WHERE id = ANY($1::uuid[])',
    [named],
  );
  const known = new Set(found.map((r) => r.id));
  const unknown = [...new Set(named)].filter((id) => !known.has(id.toLowerCase()));
  if (unknown.length > 0) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Получатели не найдены в реестре получателей: ${unknown.join(', ')}. Unknown recipients.`,
      {
        issues: unknown.map((id) => ({
          path: 'transfer_recipients',
          message: `получатель ${id} не найден (POST /api/recipients добавляет получателя)`,
        })),
      },
    );
  }
}
