// The recipient register (seed 3.2.5): whom the operator may disclose to — processors under a contract
// (поручение), third parties, authorities — with their country, which the disclosure checks against the
// register's cross-border rule. Saving a recipient is audited in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { isIsoDate } from '../calendar/dates.js';

export type RecipientKind = 'processor' | 'third_party' | 'authority';

export interface Recipient {
  id: string;
  name: string;
  kind: RecipientKind;
  country: string;
  contractRef: string | null;
  contractUntil: string | null;
  contact: string | null;
  createdAt: Date;
}

export interface RecipientInput {
  name: string;
  kind: RecipientKind;
  country: string;
  contractRef?: string | null;
  contractUntil?: string | null;
  contact?: string | null;
}

interface RecipientRow {
  id: string;
  name: string;
  kind: RecipientKind;
  country: string;
  contract_ref: string | null;
  contract_until: string | null;
  contact: string | null;
  created_at: Date;
}

const present = (r: RecipientRow): Recipient => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  country: r.country,
  contractRef: r.contract_ref,
  contractUntil: r.contract_until,
  contact: r.contact,
  createdAt: r.created_at,
});

const COLUMNS =
  'id, name, kind, country, contract_ref, contract_until::text AS contract_until, contact, created_at';

function validate(input: RecipientInput): void {
  const issues: ErrorIssue[] = [];
  if (!/^[A-Z]{2}$/.test(input.country))
    issues.push({ path: 'country', message: 'expected ISO 3166-1 alpha-2, e.g. KZ' });
  if (!input.name.trim()) issues.push({ path: 'name', message: 'required' });
  if (input.contractUntil && !isIsoDate(input.contractUntil)) {
    issues.push({ path: 'contractUntil', message: 'expected YYYY-MM-DD' });
  }
  if (input.kind === 'processor' && !input.contractRef) {
    issues.push({
      path: 'contractRef',
      message: 'a processor acts under a contract (поручение): give its reference',
    });
  }
  if (issues.length) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Получатель не сохранён: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}.`,
      { issues },
    );
  }
}

export function createRecipientRegister(deps: { stores: Stores; audit: AuditService; clock: () => Date }) {
  const { stores, audit, clock } = deps;

  async function saveRecipient(actor: string, input: RecipientInput, id = randomUUID()): Promise<Recipient> {
    validate(input);
    const now = clock();
    return stores.transaction(async (tx) => {
      const [row] = await tx.query<RecipientRow>(
        `INSERT INTO recipients (id, name, kind, country, contract_ref, contract_until, contact, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $8)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, country = excluded.country,
           contract_ref = excluded.contract_ref, contract_until = excluded.contract_until, contact = excluded.contact,
           updated_at = excluded.updated_at
         RETURNING ${COLUMNS}`,
        [
          id,
          input.name.trim(),
          input.kind,
          input.country,
          input.contractRef ?? null,
          input.contractUntil ?? null,
          input.contact ?? null,
          now,
        ],
      );
      await audit.append(tx, [
        {
          actor,
          action: 'recipient.save',
          details: { recipientId: id, kind: input.kind, country: input.country },
        },
      ]);
      return present(row!);
    });
  }

  async function listRecipients(): Promise<Recipient[]> {
    const rows = await stores.sql.query<RecipientRow>(`SELECT ${COLUMNS} FROM recipients ORDER BY name`);
    return rows.map(present);
  }

  /** One recipient, or undefined when the id is unknown. */
  async function findRecipient(id: string): Promise<Recipient | undefined> {
    const [row] = await stores.sql.query<RecipientRow>(`SELECT ${COLUMNS} FROM recipients WHERE id = $1`, [
      id,
    ]);
    return row ? present(row) : undefined;
  }

  return { saveRecipient, listRecipients, findRecipient };
}

export type RecipientRegister = ReturnType<typeof createRecipientRegister>;
