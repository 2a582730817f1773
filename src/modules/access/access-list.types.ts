// The approved access list (seed 3.5.2: "a document approved by the head listing the persons whose access to
// personal data is needed for their duties"), as the API, the CLI and the PDF present one version of it.

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
