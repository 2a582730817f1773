// Reading published policy versions: by label, in force on a local date, the latest, all, and a document's
// bytes. Versions are immutable, so whatever this reads for a label stays true for ever.
import type { Sql } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { tryParseIsoDate } from '../calendar/dates.js';
import type { Lang } from '../register/register.retention.js';
import type { Register } from '../register/register.schema.js';

export interface PolicyVersion {
  id: string;
  publishedAt: Date;
  publishedOn: string;
  registerSha256: string;
  register: Register;
  documents: Array<{ name: string; lang: Lang; mediaType: string; sha256: string }>;
}

export type PolicyVersionSummary = Omit<PolicyVersion, 'register' | 'documents'>;

export interface PolicyVersionReader {
  get(id: string): Promise<PolicyVersion | null>;
  /** The version in force on that local date (YYYY-MM-DD): the last one published on or before it. */
  at(date: string): Promise<PolicyVersion | null>;
  latest(): Promise<PolicyVersion | null>;
  /** Oldest first. */
  list(): Promise<PolicyVersionSummary[]>;
  document(
    id: string,
    name: string,
    lang: Lang,
  ): Promise<{ bytes: Buffer; sha256: string; mediaType: string } | null>;
}

interface VersionRow {
  id: string;
  published_at: Date | string;
  published_on: string;
  register_sha256: string;
}

const SUMMARY_COLUMNS = 'id, published_at, published_on::text AS published_on, register_sha256';

function summaryOf(row: VersionRow): PolicyVersionSummary {
  return {
    id: row.id,
    publishedAt: new Date(row.published_at),
    publishedOn: row.published_on,
    registerSha256: row.register_sha256,
  };
}

/** A local date YYYY-MM-DD that exists, or a VALIDATION_FAILED error naming `at`. */
export function checkedDate(date: string): string {
  if (tryParseIsoDate(date) !== undefined) return date;
  throw new DomainError(
    ErrorCodes.VALIDATION_FAILED,
    `Дата «${date}» не существует или не в формате ГГГГ-ММ-ДД. The date "${date}" is not a calendar day YYYY-MM-DD.`,
    { issues: [{ path: 'at', message: 'expected a calendar date YYYY-MM-DD' }] },
  );
}

/** The version's label and dates without its register and documents: what a page needs to find its bytes. */
export async function versionSummary(
  sql: Sql,
  which: { id: string } | { at: string } | 'latest',
): Promise<PolicyVersionSummary | null> {
  const [where, params] =
    which === 'latest'
      ? ['', []]
      : 'id' in which
        ? ['WHERE id = $1', [which.id]]
        : ['WHERE published_on <= $1::date', [checkedDate(which.at)]];
  const [row] = await sql.query<VersionRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM policy_versions ${where} ORDER BY published_at DESC, id DESC LIMIT 1`,
    params,
  );
  return row ? summaryOf(row) : null;
}

/**
 * Versions published before the banner's cookie categories froze them as { labels, necessary, purposes }: read
 * them in today's shape (name, required, description, no cookies listed, no signals), so the banner and the
 * diff read every version alike. The stored JSON and its hash stay as published.
 */
function withCurrentCookies(register: Register): Register {
  const cookies = register.cookies as
    | (Omit<NonNullable<Register['cookies']>, 'categories'> & { categories: Record<string, unknown>[] })
    | undefined;
  if (!cookies?.categories.some((c) => 'labels' in c || 'necessary' in c)) return register;
  const categories = cookies.categories.map((c) => {
    if (!('labels' in c || 'necessary' in c)) return c;
    const { labels, necessary, ...rest } = c;
    return {
      gpc: false,
      consent_mode: [],
      vendors: [],
      cookies: [],
      ...rest,
      name: rest.name ?? labels,
      description: rest.description ?? labels,
      required: rest.required ?? necessary === true,
    };
  });
  return { ...register, cookies: { ...cookies, categories } } as Register;
}

export function createPolicyVersionReader(deps: { sql: Sql }): PolicyVersionReader {
  const { sql } = deps;

  async function withDocuments(row: (VersionRow & { register: unknown }) | undefined) {
    if (!row) return null;
    const documents = await sql.query<{ name: string; lang: Lang; media_type: string; sha256: string }>(
      `SELECT name, lang, media_type, sha256 FROM policy_documents WHERE version_id = $1
        ORDER BY name, array_position(ARRAY['ru','kk','en'], lang)`,
      [row.id],
    );
    const register = withCurrentCookies(
      (typeof row.register === 'string' ? JSON.parse(row.register) : row.register) as Register,
    );
    return {
      ...summaryOf(row),
      register,
      documents: documents.map((d) => ({
        name: d.name,
        lang: d.lang,
        mediaType: d.media_type,
        sha256: d.sha256,
      })),
    };
  }

  const one = async (where: string, params: unknown[]) => {
    const [row] = await sql.query<VersionRow & { register: unknown }>(
      `SELECT ${SUMMARY_COLUMNS}, register FROM policy_versions ${where}
        ORDER BY published_at DESC, id DESC LIMIT 1`,
      params,
    );
    return withDocuments(row);
  };

  return {
    get: (id) => one('WHERE id = $1', [id]),
    at: (date) => one('WHERE published_on <= $1::date', [checkedDate(date)]),
    latest: () => one('', []),
    list: async () =>
      (
        await sql.query<VersionRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM policy_versions ORDER BY published_at, id`,
        )
      ).map(summaryOf),
    document: async (id, name, lang) => {
      const [row] = await sql.query<{ bytes: Uint8Array; sha256: string; media_type: string }>(
        'SELECT bytes, sha256, media_type FROM policy_documents WHERE version_id = $1 AND name = $2 AND lang = $3',
        [id, name, lang],
      );
      return row ? { bytes: Buffer.from(row.bytes), sha256: row.sha256, mediaType: row.media_type } : null;
    },
  };
}
