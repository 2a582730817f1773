// The act of destruction as data: what the PDF shows and what the JSON presents (LAW.md, "Destruction":
// RU Roskomnadzor Order No. 179 of 28.10.2022; KZ has no form of its own and uses the same fields).

export type DestructionActKind = 'sweep' | 'request' | 'paper';

/** The languages an act is drawn up in: every fixed text in both, register texts in the act's language. */
export type ActLang = 'ru' | 'kk';
export const actLangs = ['ru', 'kk'] as const satisfies readonly ActLang[];

/** One person who destroyed the data (or answers for the system that did), with a line to sign. */
export interface ActPerformer {
  name: string;
  /** Absent where nobody states it: the PDF prints a blank line with a caption to fill, never a guess. */
  position?: string;
  /**
   * Why this person signs: `responsible` — the person responsible for organising processing, who answers for
   * the information system that destroyed the data automatically; `executor` — the staff member who carried out
   * the subject's request; absent — a person who destroyed it by hand (paper).
   */
  role?: 'responsible' | 'executor';
}

/** A processor (on the operator's assignment) that processed the destroyed data: from the recipient register. */
export interface ActProcessor {
  name: string;
  country: string;
  /** The contract (поручение) it processes under. */
  contractRef?: string;
}

/** One line of the event-log extract: what was destroyed of one subject, why, when and in which system. */
export interface DestructionLogLine {
  /** The audit chain's sequence number of the entry that records this destruction. */
  seq: number;
  /** ISO time of the destruction. */
  at: string;
  /** The subject's internal id (no name: the act must not bring destroyed data back). */
  subjectId: string;
  /** Field ids and their Russian labels. */
  fields: { id: string; label: string }[];
  informationSystems: string[];
  /** Reason in words, e.g. «истёк срок хранения (цель 7)». */
  reason: string;
  /** 'destroyed' | 'anonymised' | 'purpose_released' */
  outcome: string;
}

export interface DestructionActData {
  id: string;
  /** The language of this act's texts (fixed texts and those the register gives). */
  lang: ActLang;
  /** Running number of acts of this operator: «Акт № 12». */
  number: number;
  kind: DestructionActKind;
  /** Date of destruction, YYYY-MM-DD in the operator's time zone. */
  date: string;
  /** ISO time the act was completed. */
  completedAt: string;
  operator: { name: string; binIin: string; address: string };
  /**
   * Processors (recipients of kind 'processor' in the recipient register) to which the destroyed subjects' data
   * of the act's purposes was disclosed; empty: no processor took part («не привлекался»).
   */
  processors: ActProcessor[];
  /** Subjects: by categories with counts; a request's act names the one subject by its internal id. */
  subjects: {
    count: number;
    categories: { id: string; title: string }[];
    /** Listed for request acts and paper acts (a few subjects); absent for sweeps. */
    ids?: string[];
  };
  /** Categories of personal data destroyed, with how many values of each. */
  dataCategories: { id: string; label: string; values: number }[];
  /** The purposes with their legal bases, in the act's language where the register gives it. */
  purposes: { id: string; number?: number; title: string; legalBases?: string[] }[];
  informationSystems: { id: string; name: string }[];
  /** How it was destroyed, in words (crypto-shredding, deletion, anonymisation, shredder…). */
  method: string;
  /** Why, in words, with how many values each reason covers. */
  reasons: { code: string; text: string; values: number }[];
  /**
   * Those who destroyed the data: the people who did it (paper), the staff member who carried out a request and,
   * for automated destruction, the person responsible for the system — never the software itself.
   */
  performedBy: ActPerformer[];
  /** For paper media: what was destroyed and how many pages. */
  paper?: { media: string; pages: number };
  /** The request this act answers, if any: its number and date of receipt (YYYY-MM-DD). */
  request?: { number: number; receivedDate: string };
  /**
   * The audit chain as it stood when the act was drawn up: its last entry and that entry's MAC (hex). Whoever holds
   * the act can compare it with the chain; `audit verify` names a chain that ends before it or differs there.
   */
  auditPosition?: { seq: number; hash: string };
  /** How many years the act and its extract are kept: the jurisdiction profile's number at completion. */
  keepYears: number;
  /** The law the act rests on, in the act's language: the jurisdiction profile's text. */
  basis: string;
  log: {
    /** How many audit entries record this destruction. */
    entries: number;
    firstSeq: number | null;
    lastSeq: number | null;
    /** The extract itself: all lines up to a limit; beyond it the PDF says where the full extract is. */
    lines: DestructionLogLine[];
    /** True when lines hold fewer than `entries` (the full extract is served as JSON by the API). */
    truncated: boolean;
  };
}
