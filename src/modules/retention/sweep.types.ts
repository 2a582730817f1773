// What the sweep's parts share: its results and options (the API and the CLI print them), the groups of due
// values it decides on, a batch's totals, and the condition that keeps values under a legal hold.
import type { AuditEntryInput } from '../audit/audit.service.js';
import type { DeletedValueGroup } from '../vault/vault.writes.js';
import type { ValueMeta } from './retention.assess.js';

export interface SweepProgress {
  phase: 'keys' | 'acts' | 'requests' | 'due' | 'done';
  subjects: number;
  values: number;
}

export interface SweepResult {
  runId: string;
  asOf: string;
  valuesDestroyed: number;
  valuesAnonymised: number;
  valuesReleased: number;
  subjectsDestroyed: number;
  /** Acts completed by this run: the sweep's own, requests', and any left open by an interrupted run. */
  acts: { id: string; number: number; kind: string; requestId?: string }[];
  requestsAnswered: string[];
  /** Requests whose values are under a legal hold: they wait until it is lifted. */
  requestsHeld: string[];
  actsExpired: number;
}

export interface SweepOptions {
  trigger: 'schedule' | 'cli' | 'api' | 'requests';
  /** Only subject requests' destructions (the frequent job); the full sweep does those first as well. */
  onlyRequests?: boolean;
  onProgress?: (progress: SweepProgress) => void;
}

/** Values of one subject the sweep's DELETE took (every purpose ended), grouped by what the entry needs. */
export type DeletedRow = DeletedValueGroup;

/** Values of one subject that share everything a decision depends on. */
export interface ValueGroup extends Omit<ValueMeta, 'id' | 'field_id'> {
  ids: string[];
  fields: string[];
}

export interface BatchTotals {
  destroyed: number;
  anonymised: number;
  released: number;
  emptied: string[];
  /** The audit entries written for the act: the run's tally counts them once their batch has committed. */
  actEntries: AuditEntryInput[];
}

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
export const ACTOR = 'system:retention';

/** A value (alias `v`) no active legal hold covers: the hold names its field, or all of the subject's. */
export const NOT_HELD = `NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.subject_id = v.subject_id AND h.lifted_at IS NULL
                          AND (h.field_ids IS NULL OR v.field_id = ANY(h.field_ids)))`;
