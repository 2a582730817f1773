// Who an act of destruction names besides the operator: the processors that processed the destroyed data (from
// the recipient register) and the people who sign it (from the register and the staff accounts).
import type { Sql } from '../../db/database.js';
import type { Register } from '../register/register.schema.js';
import type { ActSeed } from './destruction-act.service.js';
import type { ActPerformer, ActProcessor, DestructionActKind } from './destruction-act.types.js';

/**
 * The processors that processed the destroyed data: recipients of kind 'processor' in the recipient register
 * to which the act's subjects' data of the act's purposes was disclosed (all purposes when the chain names
 * none). None: the act says the operator engaged no processor.
 */
export async function processorsOf(tx: Sql, actId: string, purposeIds: string[]): Promise<ActProcessor[]> {
  // cross-module read: recipients, disclosures (owner: disclosures); audit_log (owner: audit)
  const rows = await tx.query<{ name: string; country: string; contract_ref: string | null }>(
    `SELECT DISTINCT r.name, r.country, r.contract_ref FROM recipients r
     JOIN disclosures d ON d.recipient_id = r.id
     WHERE r.kind = 'processor'
       AND (cardinality($2::text[]) = 0 OR d.purpose_id = ANY($2::text[]))
       AND d.subject_id IN (
         SELECT a.subject_id FROM audit_log a
         WHERE a.details ? 'act_id' AND a.details ->> 'act_id' = $1 AND a.subject_id IS NOT NULL
           AND a.action IN ('data.destroy', 'data.anonymise', 'retention.paper_destroy'))
     ORDER BY r.name`,
    [actId, purposeIds],
  );
  return rows.map((r) => ({
    name: r.name,
    country: r.country,
    ...(r.contract_ref ? { contractRef: r.contract_ref } : {}),
  }));
}

/** A staff account's name and position, by its actor (`staff:<id>`); undefined for keys, the CLI, the system. */
async function staffMember(tx: Sql, actor: string): Promise<ActPerformer | undefined> {
  const id = /^staff:([0-9a-f-]{36})$/.exec(actor)?.[1];
  if (!id) return undefined;
  // cross-module read: staff_accounts (owner: staff)
  const [row] = await tx.query<{ full_name: string; position: string | null }>(
    'SELECT full_name, position FROM staff_accounts WHERE id = $1',
    [id],
  );
  return row ? { name: row.full_name, ...(row.position ? { position: row.position } : {}) } : undefined;
}

/**
 * Who signs the act. Paper: the people who destroyed the media. Automated (a sweep, a request carried out by
 * the engine): the staff member who carried out the request, if a person did, and the person responsible for
 * organising processing (the register's `operator.responsible_person`), who answers for the system that
 * destroyed the data — never the software. A position the register and the staff account leave out stays
 * out: the PDF prints a blank to fill.
 */
export async function performersOf(
  tx: Sql,
  register: Register,
  kind: DestructionActKind,
  seed: ActSeed,
): Promise<ActPerformer[]> {
  if (kind === 'paper' && seed.performedBy?.length) return seed.performedBy;
  const performers: ActPerformer[] = [];
  const executor = seed.executedBy ? await staffMember(tx, seed.executedBy) : undefined;
  if (executor) performers.push({ ...executor, role: 'executor' });
  const responsible = register.operator.responsible_person;
  // cross-module read: staff_accounts (owner: staff) — the responsible person's account, for a position.
  const [account] = await tx.query<{ position: string | null }>(
    'SELECT position FROM staff_accounts WHERE email = $1',
    [responsible.email.toLowerCase()],
  );
  const position = responsible.position ?? account?.position ?? undefined;
  if (executor?.name !== responsible.name) {
    performers.push({ name: responsible.name, ...(position ? { position } : {}), role: 'responsible' });
  }
  return performers;
}
