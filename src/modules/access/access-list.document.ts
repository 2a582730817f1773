// One version of the access list as a document (JSON, and the PDF made from it): the operator, each person or
// system with its role, purposes and actions in words, who proposed and who approved it, and the approval's
// audit-chain position.
import type { Stores } from '../../db/database.js';
import { localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { renderAccessListPdf } from './access-list.pdf.js';
import type { AccessListDocument, AccessListEntry, StoredEntry, VersionRow } from './access-list.types.js';
import { versionRow } from './access-list.versions.js';
import { type AccessListLang, accessListWords } from './access-list.words.js';

export { actionLabels } from './access-list.words.js';

interface StaffRowLite {
  id: string;
  email: string;
  full_name: string;
  position: string | null;
}

/** The people and systems a version names, by id. */
async function namesOf(stores: Stores, row: VersionRow) {
  // cross-module read: staff_accounts (owner: staff)
  const people = await stores.sql.query<StaffRowLite>(
    'SELECT id, email, full_name, position FROM staff_accounts WHERE id = ANY($1::uuid[])',
    [
      [
        ...row.entries.flatMap((e) => (e.staffId ? [e.staffId] : [])),
        row.proposed_by,
        ...(row.decided_by ? [row.decided_by] : []),
      ],
    ],
  );
  // cross-module read: api_keys (owner: api-keys)
  const systems = await stores.sql.query<{ id: string; name: string }>(
    'SELECT id, name FROM api_keys WHERE id = ANY($1::uuid[])',
    [row.entries.flatMap((e) => (e.keyId ? [e.keyId] : []))],
  );
  return {
    person: (id: string) => people.find((p) => p.id === id),
    system: (id: string) => systems.find((k) => k.id === id),
  };
}

export function createAccessListDocuments(deps: { stores: Stores; rules: RegisterRules }) {
  const { stores, rules } = deps;
  const timeZone = rules.register.operator.timezone;

  function presentEntry(
    e: StoredEntry,
    names: Awaited<ReturnType<typeof namesOf>>,
    lang: AccessListLang,
  ): AccessListEntry {
    const { person, system } = names;
    const w = accessListWords[lang];
    return {
      ...(e.keyId
        ? {
            kind: 'system' as const,
            keyId: e.keyId,
            fullName: system(e.keyId)?.name ?? e.keyId,
            email: '',
            position: w.system,
          }
        : {
            kind: 'person' as const,
            staffId: e.staffId!,
            fullName: person(e.staffId!)?.full_name ?? e.staffId!,
            email: person(e.staffId!)?.email ?? '',
            position: person(e.staffId!)?.position ?? null,
          }),
      role: { id: e.role.id, name: e.role.name },
      purposes: e.role.purposes.map((id) => {
        const p = rules.register.purposes.find((x) => x.id === id);
        return { id, number: p?.number, title: p ? localized(p.title, lang) : id };
      }),
      actions: e.role.actions.map((a) => w.actions[a] ?? a),
      grantedFrom: e.grantedFrom,
    };
  }

  /**
   * One version as a document: names, roles, purposes, who proposed and approved it; purposes, actions and the
   * operator's details in the given language (Russian unless asked).
   */
  async function document(versionId: string, lang: AccessListLang = 'ru'): Promise<AccessListDocument> {
    const row = await versionRow(stores.sql, versionId);
    const names = await namesOf(stores, row);
    const signer = (id: string) => ({
      name: names.person(id)?.full_name ?? id,
      position: names.person(id)?.position ?? null,
    });
    const operator = rules.register.operator;
    const approved = row.status === 'approved' || row.status === 'superseded';
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      operator: {
        name: localized(operator.name, lang),
        binIin: operator.bin_iin,
        address: localized(operator.address, lang),
      },
      proposedBy: signer(row.proposed_by),
      proposedAt: row.proposed_at.toISOString(),
      approvedBy: approved ? signer(row.decided_by!) : null,
      approvedAt: approved && row.decided_at ? row.decided_at.toISOString() : null,
      previousVersion: row.previous_version,
      note: row.note,
      ...(approved && row.audit_seq !== null && row.audit_hash
        ? { auditPosition: { seq: Number(row.audit_seq), hash: Buffer.from(row.audit_hash).toString('hex') } }
        : {}),
      entries: row.entries.map((e) => presentEntry(e, names, lang)),
    };
  }

  async function pdf(
    versionId: string,
    lang: AccessListLang = 'ru',
  ): Promise<{ version: number; pdf: Buffer }> {
    const doc = await document(versionId, lang);
    return { version: doc.version, pdf: await renderAccessListPdf(doc, timeZone, lang) };
  }

  return { document, pdf };
}
