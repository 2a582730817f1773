// The approved access list (seed 3.5.2: "a document approved by the head listing the persons whose access to
// personal data is needed for their duties"), as the API, the CLI and the PDF present one version of it.
import type { Scope } from '../api-keys/api-key.service.js';

export interface AccessListEntry {
  /** A person (staff account) or a system (an API key that reads personal data). */
  kind: 'person' | 'system';
  staffId?: string;
  keyId?: string;
  /** The person's name, or the key's name. */
  fullName: string;
  email: string;
  position: string | null;
  role: { id: string; name: string };
  /** Purposes the role may read, with their number and Russian title from the register. */
  purposes: { id: string; number?: number; title: string }[];
  /** Actions the role allows (read, rectify, block, destroy, export, answer requests, …), as Russian labels. */
  actions: string[];
  /** Plain date (YYYY-MM-DD, operator's zone) from which access is granted. */
  grantedFrom: string;
}

export interface AccessListDocument {
  id: string;
  version: number;
  status: 'proposed' | 'approved' | 'superseded' | 'rejected';
  operator: { name: string; binIin: string; address: string };
  proposedBy: { name: string; position: string | null };
  /** Instant (ISO 8601). */
  proposedAt: string;
  /** Present once approved: who approved it (the head) and when. */
  approvedBy: { name: string; position: string | null } | null;
  approvedAt: string | null;
  /** The version this one replaces, if any. */
  previousVersion: number | null;
  note: string | null;
  /**
   * Once approved: the audit chain position of the approval's entry (entry number, and that entry's MAC in hex).
   * `audit verify` compares the chain with it, so a log cut short of the approval is named.
   */
  auditPosition?: { seq: number; hash: string };
  entries: AccessListEntry[];
}

/**
 * One person (`staffId`) or one system (`keyId`, an API key) on a version of the list as stored, with the
 * role as it stood when the version was proposed.
 */
export interface StoredEntry {
  staffId?: string;
  keyId?: string;
  grantedFrom: string;
  role: { id: string; name: string; purposes: string[]; fields: Record<string, string[]>; actions: Scope[] };
}

/** A row of access_list_versions. */
export interface VersionRow {
  id: string;
  version: number;
  status: AccessListDocument['status'];
  entries: StoredEntry[];
  note: string | null;
  proposed_by: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  previous_version: number | null;
  audit_seq: string | number | null;
  audit_hash: Uint8Array | null;
}
