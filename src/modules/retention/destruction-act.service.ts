// Acts of destruction: opened when destruction starts, filled from the audit chain's entries that carry the
// act's id (so an act can never claim what the chain does not hold), rendered as PDF in Russian (stored) and on
// request in Kazakh, kept for the years the jurisdiction profile states.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuditAnchor } from '../audit/audit-anchor.js';
import { isIsoDate, localDateOf } from '../calendar/dates.js';
import { basisReference, localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { renderDestructionActPdf } from './destruction-act.pdf.js';
import { performersOf, processorsOf } from './destruction-act.people.js';
import { actTexts } from './destruction-act.texts.js';
import type {
  ActLang,
  DestructionActData,
  DestructionActKind,
  DestructionLogLine,
} from './destruction-act.types.js';

/** The extract printed in the PDF; the API serves all of it. */
const PDF_LOG_LINES = 200;

/** The reasons' words in Russian (the act's JSON); the PDF takes them in its language. */
export const reasonTexts: Record<string, string> = actTexts.ru.reasons;

const outcomeOf: Record<string, DestructionLogLine['outcome']> = {
  'data.destroy': 'destroyed',
  'data.anonymise': 'anonymised',
  'retention.paper_destroy': 'destroyed',
};

interface ActRow {
  id: string;
  number: string | number;
  kind: DestructionActKind;
  status: 'open' | 'completed';
  request_id: string | null;
  run_id: string | null;
  created_at: Date;
  completed_at: Date | null;
  retain_until: Date | null;
  data: (Partial<DestructionActData> & { seed?: ActSeed; kk?: Partial<DestructionActData> }) | null;
}

/** What the act knows before the chain is read: who performed it, the request it answers, paper details. */
export interface ActSeed {
  /** The people who destroyed paper media by hand, as they recorded it. */
  performedBy?: { name: string; position?: string }[];
  /** The actor who carried out a subject's request (`staff:<id>` names a staff account). */
  executedBy?: string;
  request?: { number: number; receivedDate: string };
  paper?: { media: string; pages: number };
  subjectCategories?: string[];
  informationSystems?: string[];
  method?: string;
}

/** A paper destruction as recorded by the person who did it. */
export interface PaperDestruction {
  date: string;
  media: string;
  pages: number;
  reason: string;
  fields: string[];
  subjectCategories?: string[];
  subjectIds?: string[];
  purposes?: string[];
  informationSystems?: string[];
  method?: string;
  performedBy: { name: string; position?: string }[];
}

/**
 * What an act counts of its entries: values per field and per reason, the purposes, systems and outcomes
 * named. Read from the chain, or kept by a sweep as it writes the entries (the same numbers without
 * reading a hundred thousand entries back).
 */
export interface ActTally {
  counts: Map<string, number>;
  /** Keyed by reason code and, for paper acts, the reason's own text. */
  reasons: Map<string, { reason: string; text: string | null; values: number }>;
  purposes: Set<string>;
  systems: Set<string>;
  outcomes: Set<string>;
}

export function emptyTally(): ActTally {
  return {
    counts: new Map(),
    reasons: new Map(),
    purposes: new Set(),
    systems: new Set(),
    outcomes: new Set(),
  };
}

/** What a destruction entry in the audit chain carries in its details. */
interface DestructionDetails {
  reason?: string;
  reasonText?: string;
  purposes?: string[];
  systems?: string[];
  counts?: Record<string, number>;
}

/** Adds one entry's numbers (its details as the chain stores them) to a tally. */
export function addToTally(tally: ActTally, action: string, details: DestructionDetails) {
  tally.outcomes.add(action);
  for (const p of details.purposes ?? []) tally.purposes.add(p);
  for (const s of details.systems ?? []) tally.systems.add(s);
  let values = 0;
  for (const [field, n] of Object.entries(details.counts ?? {})) {
    tally.counts.set(field, (tally.counts.get(field) ?? 0) + n);
    values += n;
  }
  const reason = details.reason ?? '';
  const text = details.reasonText ?? null;
  const key = `${reason}\u0000${text ?? ''}`;
  const current = tally.reasons.get(key) ?? { reason, text, values: 0 };
  current.values += values;
  tally.reasons.set(key, current);
}

/** A destruction entry of the chain as the act's extract reads it. */
interface EntryRow {
  seq: string | number;
  at: Date;
  action: string;
  subject_id: string | null;
  field_ids: string[];
  details: DestructionDetails;
}

/** What an act holds whatever its language; actIn adds the texts of one language. */
type ActBase = Omit<
  DestructionActData,
  | 'lang'
  | 'operator'
  | 'subjects'
  | 'dataCategories'
  | 'purposes'
  | 'informationSystems'
  | 'method'
  | 'reasons'
  | 'basis'
> & { subjects: Omit<DestructionActData['subjects'], 'categories'> };

/** How the data was destroyed: the seed's words (paper), or what the outcomes in the chain did. */
function methodOf(seed: ActSeed, kind: DestructionActKind, outcomes: string[], lang: ActLang): string {
  const { methods: words } = actTexts[lang];
  if (seed.method) return seed.method;
  if (kind === 'paper') return words.paper;
  const methods: string[] = [];
  if (outcomes.includes('data.destroy')) methods.push(words.destroyed);
  if (outcomes.includes('data.anonymise')) methods.push(words.anonymised);
  return methods.join('; ') || words.deleted;
}

/** What the stored row keeps of an act: its data without the extract's lines (served from the chain). */
const withoutLines = (data: DestructionActData) => ({ ...data, log: { ...data.log, lines: [] } });

/** The transaction lock under which an act's number is taken (any constant; the same in every instance). */
const ACT_NUMBER_LOCK = 7_305_419_002;

export function createDestructionActs(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
}) {
  const { stores, rules } = deps;
  const register = rules.register;
  const timeZone = register.operator.timezone;

  /**
   * Creates the act row if it is not there yet (each batch calls it inside its own transaction). The act's number
   * is the last number + 1, taken in this transaction under a lock held until it ends: a transaction rolled back
   * (a crash in a sweep's batch) gives its number back, so the numbers an inspector reads have no gaps. (The
   * column's sequence gave a number to every call, even one that found the act there, and kept numbers of
   * rolled-back transactions: 1, then 34.) The newest act is never expired (see expire), so a number is never
   * given twice.
   */
  async function open(
    tx: Sql,
    act: { id: string; kind: DestructionActKind; runId?: string; requestId?: string; seed?: ActSeed },
  ): Promise<void> {
    const [exists] = await tx.query('SELECT 1 FROM destruction_acts WHERE id = $1', [act.id]);
    if (exists) return;
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [ACT_NUMBER_LOCK]);
    await tx.query(
      `INSERT INTO destruction_acts (id, number, kind, status, request_id, run_id, created_at, data)
       SELECT $1, coalesce(max(number), 0) + 1, $2, 'open', $3, $4, $5, $6::jsonb FROM destruction_acts
       ON CONFLICT (id) DO NOTHING`,
      [
        act.id,
        act.kind,
        act.requestId ?? null,
        act.runId ?? null,
        deps.clock(),
        JSON.stringify({ seed: act.seed ?? {} }),
      ],
    );
  }

  /** An act by its id, or by its number (`2`, as the act is quoted). */
  async function loadRow(sql: Sql, id: string): Promise<ActRow> {
    const byNumber = /^[1-9][0-9]{0,14}$/.test(id);
    const [row] = await sql.query<ActRow>(
      `SELECT id, number, kind, status, request_id, run_id, created_at, completed_at, retain_until, data
       FROM destruction_acts WHERE ${byNumber ? 'number = $1' : 'id = $1'}`,
      [byNumber ? Number(id) : id],
    );
    if (!row) {
      throw new DomainError(ErrorCodes.NOT_FOUND, `Акт ${id} не найден / Act not found`, {
        issues: [{ path: 'actId', message: 'unknown act' }],
      });
    }
    return row;
  }

  const purposeOf = (id: string) => register.purposes.find((p) => p.id === id);
  const fieldLabel = (id: string, lang: ActLang = 'ru') => {
    const field = rules.field(id);
    return field ? localized(field.labels, lang) : id;
  };
  const systemName = (id: string, lang: ActLang = 'ru') => {
    const system = register.information_systems.find((s) => s.id === id);
    return system ? localized(system.name, lang) : id;
  };

  async function logLines(
    sql: Sql,
    actId: string,
    afterSeq: number,
    limit: number,
    lang: ActLang = 'ru',
  ): Promise<DestructionLogLine[]> {
    // cross-module read: audit_log (owner: audit)
    const rows = await sql.query<EntryRow>(
      `SELECT seq, at, action, subject_id, field_ids, details FROM audit_log
       WHERE details ? 'act_id' AND details ->> 'act_id' = $1 AND seq > $2
         AND action IN ('data.destroy', 'data.anonymise', 'retention.paper_destroy')
       ORDER BY seq LIMIT $3`,
      [actId, afterSeq, limit],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at.toISOString(),
      subjectId: r.subject_id ?? '—',
      fields: r.field_ids.map((id) => ({ id, label: fieldLabel(id, lang) })),
      informationSystems: (r.details.systems ?? []).map((id) => systemName(id, lang)),
      reason: r.details.reasonText ?? reasonText(r.details.reason ?? '', r.details.purposes ?? [], lang),
      outcome: outcomeOf[r.action] ?? 'destroyed',
    }));
  }

  function reasonText(code: string, purposes: string[], lang: ActLang = 'ru'): string {
    const t = actTexts[lang];
    const base = t.reasons[code] ?? code;
    const numbers = purposes
      .map((p) => purposeOf(p)?.number ?? p)
      .filter((n) => n !== undefined)
      .join(', ');
    return code === 'retention_expired' && numbers ? `${base}${t.purposesNote(numbers)}` : base;
  }

  /** The act's numbers read back from its entries in the chain (acts of requests, paper, interrupted runs). */
  async function tallyFromChain(sql: Sql, actId: string): Promise<ActTally> {
    const tally = emptyTally();
    let afterSeq = 0;
    for (;;) {
      // cross-module read: audit_log (owner: audit)
      const rows = await sql.query<{
        seq: string | number;
        action: string;
        details: DestructionDetails;
      }>(
        `SELECT seq, action, details FROM audit_log
         WHERE details ? 'act_id' AND details ->> 'act_id' = $1 AND seq > $2
           AND action IN ('data.destroy', 'data.anonymise', 'retention.paper_destroy')
         ORDER BY seq LIMIT 5000`,
        [actId, afterSeq],
      );
      for (const row of rows) addToTally(tally, row.action, row.details);
      if (rows.length < 5000) return tally;
      afterSeq = Number(rows.at(-1)!.seq);
    }
  }

  /** The act's destruction entries in the chain: how many, the first and last seq, how many subjects. */
  async function entryTotals(tx: Sql, actId: string) {
    // cross-module read: audit_log (owner: audit)
    const [totals] = await tx.query<{
      entries: string;
      first: string | null;
      last: string | null;
      subjects: string;
    }>(
      `SELECT count(*) AS entries, min(seq) AS first, max(seq) AS last, count(DISTINCT subject_id) AS subjects
       FROM audit_log WHERE details ? 'act_id' AND details ->> 'act_id' = $1
         AND action IN ('data.destroy', 'data.anonymise', 'retention.paper_destroy')`,
      [actId],
    );
    return totals;
  }

  /** The subjects a request's or paper act names (a sweep's act names none: it would list thousands). */
  async function subjectIdsOf(tx: Sql, row: ActRow): Promise<string[] | undefined> {
    if (row.kind === 'sweep') return undefined;
    // cross-module read: audit_log (owner: audit)
    const rows = await tx.query<{ subject_id: string }>(
      `SELECT DISTINCT subject_id FROM audit_log
       WHERE details ? 'act_id' AND details ->> 'act_id' = $1 AND subject_id IS NOT NULL`,
      [row.id],
    );
    return rows.map((r) => r.subject_id);
  }

  /** The act's categories, purposes, systems and reasons, in the order the act prints them. */
  function contentsOf(counted: ActTally, seed: ActSeed, lang: ActLang) {
    const counts = [...counted.counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([field, n]) => ({ field, n }));
    const reasons = [...counted.reasons.values()].sort((a, b) =>
      a.reason === b.reason ? (a.text ?? '').localeCompare(b.text ?? '') : a.reason < b.reason ? -1 : 1,
    );
    const purposeIds = [...counted.purposes].sort();
    const systemIds = seed.informationSystems ?? [...counted.systems].sort();
    const categoryIds = seed.subjectCategories ?? [
      ...new Set(purposeIds.flatMap((p) => purposeOf(p)?.subject_categories ?? [])),
    ];
    return {
      categories: categoryIds.map((id) => {
        const category = register.subject_categories.find((c) => c.id === id);
        return { id, title: category ? localized(category.labels, lang) : id };
      }),
      dataCategories: counts.map((c) => ({
        id: c.field,
        label: fieldLabel(c.field, lang),
        values: Number(c.n),
      })),
      purposes: purposeIds.map((id) => {
        const purpose = purposeOf(id);
        return {
          id,
          number: purpose?.number,
          title: purpose ? localized(purpose.title, lang) : id,
          // The register's wording of each basis, in the act's language where the register gives it.
          legalBases: (purpose?.legal_bases ?? []).map((b) => basisReference(b, lang)),
        };
      }),
      informationSystems: systemIds.map((id) => ({ id, name: systemName(id, lang) })),
      reasons: reasons.map((r) => ({
        code: r.reason,
        text: r.text ?? actTexts[lang].reasons[r.reason] ?? r.reason,
        values: r.values,
      })),
    };
  }

  /** The act's texts in one language: the fixed words from destruction-act.texts.ts, the register's in `lang`. */
  function actIn(lang: ActLang, base: ActBase, seed: ActSeed, counted: ActTally): DestructionActData {
    const contents = contentsOf(counted, seed, lang);
    return {
      ...base,
      lang,
      operator: {
        name: localized(register.operator.name, lang),
        binIin: register.operator.bin_iin,
        address: localized(register.operator.address, lang),
      },
      subjects: { ...base.subjects, categories: contents.categories },
      dataCategories: contents.dataCategories,
      purposes: contents.purposes,
      informationSystems: contents.informationSystems,
      method: methodOf(seed, base.kind, [...counted.outcomes], lang),
      reasons: contents.reasons,
      basis: localized(rules.profile.destruction_act_rule, lang),
    };
  }

  /** Stores the act with its Russian PDF and its Kazakh texts (for the Kazakh PDF), and records it in the chain. */
  async function storeCompleted(
    tx: Sql,
    row: ActRow,
    acts: { ru: DestructionActData; kk: DestructionActData },
    seed: ActSeed,
    now: Date,
  ) {
    const { ru: data } = acts;
    const pdf = await renderDestructionActPdf(data, timeZone);
    const retainUntil = new Date(now);
    retainUntil.setUTCFullYear(retainUntil.getUTCFullYear() + data.keepYears);
    await tx.query(
      `UPDATE destruction_acts SET status = 'completed', completed_at = $2, retain_until = $3, data = $4::jsonb, pdf = $5
       WHERE id = $1`,
      [
        row.id,
        now,
        retainUntil,
        JSON.stringify({ ...withoutLines(data), seed, kk: withoutLines(acts.kk) }),
        pdf,
      ],
    );
    await deps.audit.append(tx, [
      {
        actor: 'system:retention',
        action: 'retention.act',
        details: {
          actId: row.id,
          number: data.number,
          kind: data.kind,
          entries: data.log.entries,
          request_id: row.request_id ?? undefined,
        },
      },
    ]);
  }

  /**
   * Completes an act from the chain: counts, categories, systems, reasons, processors, signers and the extract.
   * Runs in the caller's transaction so that, for a request, the act and the request's answer commit together.
   */
  async function complete(tx: Sql, actId: string, tally?: ActTally): Promise<DestructionActData> {
    const row = await loadRow(tx, actId);
    const seed = row.data?.seed ?? {};
    const totals = await entryTotals(tx, actId);
    const counted = tally ?? (await tallyFromChain(tx, actId));
    const entries = Number(totals?.entries ?? 0);
    // The chain's position this act was made at, its destruction entries included (this transaction's own).
    // cross-module read: audit_head (owner: audit)
    const [head] = await tx.query<{ seq: string | number; hash: string }>(
      `SELECT seq, encode(hash, 'hex') AS hash FROM audit_head WHERE id = 1`,
    );
    const subjectIds = await subjectIdsOf(tx, row);
    const now = deps.clock();
    const base: ActBase = {
      id: row.id,
      number: Number(row.number),
      kind: row.kind,
      date: localDateOf(now, timeZone),
      completedAt: now.toISOString(),
      processors: await processorsOf(tx, actId, [...counted.purposes].sort()),
      subjects: { count: Number(totals?.subjects ?? 0), ...(subjectIds ? { ids: subjectIds } : {}) },
      performedBy: await performersOf(tx, register, row.kind, seed),
      ...(seed.paper ? { paper: seed.paper } : {}),
      ...(seed.request ? { request: seed.request } : {}),
      ...(head && Number(head.seq) > 0 ? { auditPosition: { seq: Number(head.seq), hash: head.hash } } : {}),
      keepYears: rules.profile.destruction_act_retention_years,
      log: {
        entries,
        firstSeq: totals?.first ? Number(totals.first) : null,
        lastSeq: totals?.last ? Number(totals.last) : null,
        lines: await logLines(tx, actId, 0, PDF_LOG_LINES),
        truncated: false,
      },
    };
    base.log.truncated = base.log.lines.length < entries;
    const acts = { ru: actIn('ru', base, seed, counted), kk: actIn('kk', base, seed, counted) };
    await storeCompleted(tx, row, acts, seed, now);
    return acts.ru;
  }

  function present(row: ActRow) {
    const { seed: _seed, kk: _kk, ...data } = row.data ?? {};
    return {
      id: row.id,
      number: Number(row.number),
      kind: row.kind,
      status: row.status,
      requestId: row.request_id,
      runId: row.run_id,
      createdAt: row.created_at,
      completedAt: row.completed_at,
      retainUntil: row.retain_until,
      ...(row.status === 'completed' ? { act: data as Omit<DestructionActData, 'log'> } : {}),
    };
  }

  async function list(filter: { kind?: DestructionActKind; requestId?: string; limit?: number } = {}) {
    const rows = await stores.sql.query<ActRow>(
      `SELECT id, number, kind, status, request_id, run_id, created_at, completed_at, retain_until, data
       FROM destruction_acts
       WHERE ($1::text IS NULL OR kind = $1) AND ($2::uuid IS NULL OR request_id = $2)
       ORDER BY number DESC LIMIT $3`,
      [filter.kind ?? null, filter.requestId ?? null, Math.min(filter.limit ?? 100, 1000)],
    );
    return rows.map(present);
  }

  /** Inside a transaction pass it: on PGlite a statement outside the open transaction waits for it forever. */
  async function get(id: string, sql: Sql = stores.sql) {
    return present(await loadRow(sql, id));
  }

  /** The Kazakh act: its texts stored at completion, the extract read from the chain in Kazakh. */
  async function kazakhPdf(act: ActRow): Promise<Buffer> {
    const stored = (act.data?.kk ?? { ...act.data, seed: undefined }) as Partial<DestructionActData>;
    const lines = await logLines(stores.sql, act.id, 0, PDF_LOG_LINES, 'kk');
    const data = {
      ...stored,
      lang: 'kk',
      processors: stored.processors ?? [],
      keepYears: stored.keepYears ?? rules.profile.destruction_act_retention_years,
      basis: stored.basis ?? localized(rules.profile.destruction_act_rule, 'kk'),
      log: { ...stored.log!, lines },
    } as DestructionActData;
    return renderDestructionActPdf(data, timeZone);
  }

  /** The act as PDF: the Russian one stored at completion, or the Kazakh one drawn on request. */
  async function pdf(ref: string, lang: ActLang = 'ru'): Promise<{ number: number; pdf: Buffer }> {
    const act = await loadRow(stores.sql, ref);
    const { id } = act;
    const [row] = await stores.sql.query<{ number: string | number; status: string; pdf: Uint8Array | null }>(
      'SELECT number, status, pdf FROM destruction_acts WHERE id = $1',
      [id],
    );
    if (!row) {
      throw new DomainError(ErrorCodes.NOT_FOUND, `Акт ${ref} не найден / Act not found`, {
        issues: [{ path: 'actId', message: 'unknown act' }],
      });
    }
    if (!row.pdf) {
      throw new DomainError(
        ErrorCodes.REQUEST_STATE_INVALID,
        `Акт ${id} ещё не завершён: уничтожение продолжается / The act is not complete yet`,
      );
    }
    return {
      number: Number(row.number),
      pdf: lang === 'kk' ? await kazakhPdf(act) : Buffer.from(row.pdf),
    };
  }

  /** The full log extract, page by page. */
  async function log(id: string, page: { afterSeq?: number; limit?: number } = {}) {
    const act = await loadRow(stores.sql, id);
    const limit = Math.min(Math.max(page.limit ?? 1000, 1), 10_000);
    const lines = await logLines(stores.sql, act.id, page.afterSeq ?? 0, limit);
    return { lines, next: lines.length === limit ? lines.at(-1)!.seq : null };
  }

  /** Refuses a paper destruction record that misses a detail or names what the register does not describe. */
  function checkPaper(input: PaperDestruction): void {
    const issues: ErrorIssue[] = [];
    if (!isIsoDate(input.date)) issues.push({ path: 'date', message: 'ожидается дата YYYY-MM-DD' });
    if (!input.media?.trim())
      issues.push({ path: 'media', message: 'опишите носители (например, «анкеты соискателей»)' });
    if (!Number.isInteger(input.pages) || input.pages < 1)
      issues.push({ path: 'pages', message: 'ожидается число листов, не меньше 1' });
    if (!input.reason?.trim()) issues.push({ path: 'reason', message: 'ожидается причина уничтожения' });
    if (!input.performedBy?.length || input.performedBy.some((p) => !p.name?.trim()))
      issues.push({ path: 'performed_by', message: 'укажите, кто уничтожил (ФИО, должность)' });
    if (!input.fields?.length)
      issues.push({ path: 'fields', message: 'укажите категории данных (поля реестра)' });
    for (const f of input.fields ?? []) {
      if (!rules.field(f)) issues.push({ path: `fields.${f}`, message: 'поле не описано в реестре' });
    }
    for (const c of input.subjectCategories ?? []) {
      if (!register.subject_categories.some((x) => x.id === c))
        issues.push({ path: `subject_categories.${c}`, message: 'категория субъектов не описана в реестре' });
    }
    for (const p of input.purposes ?? []) {
      if (!purposeOf(p)) issues.push({ path: `purposes.${p}`, message: 'цель не описана в реестре' });
    }
    for (const s of input.informationSystems ?? []) {
      if (!register.information_systems.some((x) => x.id === s))
        issues.push({
          path: `information_systems.${s}`,
          message: 'информационная система не описана в реестре',
        });
    }
    if (issues.length > 0) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        'Неверные сведения об уничтожении бумажных носителей',
        {
          issues,
        },
      );
    }
  }

  /** The subjects a paper act names must exist (their data may since be destroyed: status does not matter). */
  async function requireSubjects(tx: Sql, subjectIds: string[]): Promise<void> {
    // cross-module read: subjects (owner: vault)
    const found = await tx.query<{ id: string }>('SELECT id FROM subjects WHERE id = ANY($1::uuid[])', [
      subjectIds,
    ]);
    const missing = subjectIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) {
      throw new DomainError(ErrorCodes.NOT_FOUND, `Субъекты не найдены: ${missing.join(', ')}`, {
        issues: missing.map((id) => ({ path: 'subject_ids', message: `unknown subject ${id}` })),
      });
    }
  }

  /** Paper media destroyed by hand (the seed's shredder): recorded with the same act. */
  async function recordPaper(actor: string, input: PaperDestruction) {
    checkPaper(input);
    // The register does not type its systems; the person recording the paper destruction names the archive.
    const paperSystems = input.informationSystems ?? [];
    const actId = randomUUID();
    return stores.transaction(async (tx) => {
      if (input.subjectIds?.length) await requireSubjects(tx, input.subjectIds);
      await open(tx, {
        id: actId,
        kind: 'paper',
        seed: {
          performedBy: input.performedBy.map((p) => ({ name: p.name.trim(), position: p.position?.trim() })),
          paper: { media: input.media.trim(), pages: input.pages },
          subjectCategories: input.subjectCategories,
          informationSystems: paperSystems,
          // Without the recorder's words the act names the shredder in its own language.
          ...(input.method?.trim() ? { method: input.method.trim() } : {}),
        },
      });
      const subjects = input.subjectIds?.length ? input.subjectIds : [null];
      await deps.audit.append(
        tx,
        subjects.map((subjectId) => ({
          actor,
          action: 'retention.paper_destroy' as const,
          subjectId,
          fieldIds: [...input.fields].sort(),
          details: {
            act_id: actId,
            reason: 'paper',
            reasonText: input.reason.trim(),
            date: input.date,
            purposes: input.purposes ?? [],
            systems: paperSystems,
            counts: Object.fromEntries(input.fields.map((f) => [f, 1])),
          },
        })),
      );
      return complete(tx, actId);
    });
  }

  /**
   * Acts past their 3 years are deleted (with a record in the chain, which itself keeps no values) — except the
   * newest act, kept until a newer one exists: its number is where the next act's number continues from.
   */
  async function expire(tx: Sql, asOf: Date): Promise<number> {
    const gone = await tx.query<{ id: string; number: string | number }>(
      `DELETE FROM destruction_acts WHERE status = 'completed' AND retain_until <= $1
         AND number < (SELECT max(number) FROM destruction_acts) RETURNING id, number`,
      [asOf],
    );
    if (gone.length > 0) {
      await deps.audit.append(tx, [
        {
          actor: 'system:retention',
          action: 'retention.act_expired',
          details: { acts: gone.map((g) => ({ id: g.id, number: Number(g.number) })) },
        },
      ]);
    }
    return gone.length;
  }

  /** The furthest chain position a kept act records, as an anchor for `audit verify`. */
  async function auditAnchors(): Promise<AuditAnchor[]> {
    const [row] = await stores.sql.query<{ number: string | number; seq: string; hash: string }>(
      `SELECT number, data -> 'auditPosition' ->> 'seq' AS seq, data -> 'auditPosition' ->> 'hash' AS hash
       FROM destruction_acts WHERE status = 'completed' AND data ? 'auditPosition'
       ORDER BY (data -> 'auditPosition' ->> 'seq')::bigint DESC LIMIT 1`,
    );
    if (!row || !/^[0-9a-f]{64}$/.test(row.hash)) return [];
    const number = Number(row.number);
    return [
      {
        seq: Number(row.seq),
        hash: Buffer.from(row.hash, 'hex'),
        source: { ru: `акт об уничтожении № ${number}`, en: `destruction act No ${number}` },
      },
    ];
  }

  return {
    open,
    complete,
    tallyFromChain,
    list,
    get,
    pdf,
    log,
    recordPaper,
    expire,
    reasonText,
    auditAnchors,
  };
}

export type DestructionActs = ReturnType<typeof createDestructionActs>;
