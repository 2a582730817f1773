// Publishing the privacy policy: the validated register is frozen into a version — its
// label, date, content hash and every rendered document with its SHA-256 — in one transaction with its audit
// entry. The documents are rendered before the transaction opens, so a template error changes nothing and no
// transaction waits on a PDF. A register already published unchanged is a no-op that says so.
import type { Stores } from '../../db/database.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { sha256Hex } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { localDateOf } from '../calendar/dates.js';
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import type { Lang } from '../register/register.retention.js';
import type { Register } from '../register/register.schema.js';
import { type PublishedDocument, publishedDocuments } from './policy.documents.js';
import { createPolicyVersionReader, type PolicyVersionSummary, versionSummary } from './policy.reader.js';
import { publishableRegister } from './policy.validate.js';

export type { PolicyVersion, PolicyVersionReader, PolicyVersionSummary } from './policy.reader.js';

export interface PublishInput {
  register: Register;
  profile: JurisdictionProfile;
  /** A folder with the policy's <lang>.mustache templates; the shipped ones by default. */
  templatesDir?: string;
}

export interface PublishResult {
  status: 'published' | 'unchanged';
  version: PolicyVersionSummary & {
    documents: Array<Pick<PublishedDocument, 'name' | 'lang' | 'mediaType' | 'sha256'>>;
  };
  /** What happened, Russian first. */
  message: string;
}

/** The register's content hash: SHA-256 of its canonical JSON (keys sorted at every level). */
export const registerSha256 = (register: Register) => sha256Hex(canonicalJson(register));

function labelTaken(label: string, publishedOn: string): DomainError {
  return new DomainError(
    ErrorCodes.POLICY_VERSION_TAKEN,
    `Редакция «${label}» уже опубликована ${publishedOn} с другим содержанием реестра. Опубликованные редакции ` +
      'не меняются: задайте новую метку в policy.version и опубликуйте снова. ' +
      `Version "${label}" was already published on ${publishedOn} with different contents; published versions ` +
      'never change: set a new label in policy.version and publish again.',
    {
      issues: [
        {
          path: 'policy.version',
          message: `'${label}' is already published (${publishedOn}) with another register hash: set a new label`,
          rule: 'published-versions-immutable',
        },
      ],
    },
  );
}

export function createPolicyService(deps: { stores: Stores; audit: AuditService; clock: () => Date }) {
  const { stores, audit, clock } = deps;
  const reader = createPolicyVersionReader({ sql: stores.sql });

  async function withDocuments(summary: PolicyVersionSummary) {
    const documents = await stores.sql.query<{
      name: string;
      lang: Lang;
      media_type: string;
      sha256: string;
    }>(
      `SELECT name, lang, media_type, sha256 FROM policy_documents WHERE version_id = $1
        ORDER BY name, array_position(ARRAY['ru','kk','en'], lang)`,
      [summary.id],
    );
    return {
      ...summary,
      documents: documents.map((d) => ({
        name: d.name,
        lang: d.lang,
        mediaType: d.media_type,
        sha256: d.sha256,
      })),
    };
  }

  const unchanged = async (summary: PolicyVersionSummary): Promise<PublishResult> => ({
    status: 'unchanged',
    version: await withDocuments(summary),
    message:
      `Реестр не изменился с редакции «${summary.id}» (${summary.publishedOn}): публиковать нечего. ` +
      `The register is unchanged since version "${summary.id}" (${summary.publishedOn}): nothing to publish.`,
  });

  /** Unchanged, a label clash, or null when the label is free: read before rendering and again in the transaction. */
  async function existing(label: string, hash: string): Promise<PublishResult | null> {
    const latest = await versionSummary(stores.sql, 'latest');
    if (latest && latest.registerSha256 === hash && latest.id === label) return unchanged(latest);
    const same = await versionSummary(stores.sql, { id: label });
    if (same) throw labelTaken(label, same.publishedOn);
    return null;
  }

  async function publish(actor: string, input: PublishInput): Promise<PublishResult> {
    const register = publishableRegister(input.register, input.profile);
    const label = register.policy.version;
    const hash = registerSha256(register);
    const known = await existing(label, hash);
    if (known) return known;

    const publishedAt = clock();
    const publishedOn = localDateOf(publishedAt, register.operator.timezone);
    const documents = await publishedDocuments(register, input.profile, {
      templatesDir: input.templatesDir,
      createdAt: publishedAt,
    });
    const written = await stores.transaction(async (tx) => {
      // A publish of the same label that committed first wins; this one then reads what it wrote.
      const inserted = await tx.query(
        `INSERT INTO policy_versions (id, published_at, published_on, register_sha256, register, published_by)
         VALUES ($1, $2, $3::date, $4, $5::jsonb, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [label, publishedAt, publishedOn, hash, JSON.stringify(register), actor],
      );
      if (inserted.length === 0) return false;
      const params: unknown[] = [label];
      const rows = documents.map((d) => {
        const at = params.push(d.name, d.lang, d.mediaType, d.bytes, d.sha256) - 4;
        return `($1, $${at}, $${at + 1}, $${at + 2}, $${at + 3}::bytea, $${at + 4})`;
      });
      await tx.query(
        `INSERT INTO policy_documents (version_id, name, lang, media_type, bytes, sha256) VALUES ${rows.join(', ')}`,
        params,
      );
      await audit.append(tx, [
        {
          actor,
          action: 'policy.published',
          details: {
            version: label,
            published_on: publishedOn,
            register_sha256: hash,
            documents: documents.map((d) => ({ name: d.name, lang: d.lang, sha256: d.sha256 })),
          },
        },
      ]);
      return true;
    });
    if (!written) {
      // The row exists now: this answers unchanged or throws the label clash.
      const again = await existing(label, hash);
      if (again) return again;
      throw new Error(`policy version ${label} was neither inserted nor found`);
    }
    const summary = { id: label, publishedAt, publishedOn, registerSha256: hash };
    return {
      status: 'published',
      version: {
        ...summary,
        documents: documents.map(({ name, lang, mediaType, sha256 }) => ({ name, lang, mediaType, sha256 })),
      },
      message:
        `Опубликована редакция политики «${label}» (${publishedOn}), документов: ${documents.length}. ` +
        `Published policy version "${label}" (${publishedOn}), ${documents.length} documents.`,
    };
  }

  // The latest version, remembered for a second: /policy then costs no query. A publish in this process
  // forgets it at once; one by another instance over the same PostgreSQL is seen within LATEST_TTL_MS.
  const LATEST_TTL_MS = 1000;
  let latestSeen: { summary: PolicyVersionSummary | null; at: number } | null = null;
  async function latestSummary(): Promise<PolicyVersionSummary | null> {
    const now = Date.now();
    if (latestSeen && now - latestSeen.at < LATEST_TTL_MS) return latestSeen.summary;
    const summary = await versionSummary(stores.sql, 'latest');
    latestSeen = { summary, at: now };
    return summary;
  }

  async function publishAndForget(actor: string, input: PublishInput): Promise<PublishResult> {
    try {
      return await publish(actor, input);
    } finally {
      latestSeen = null;
    }
  }

  return {
    publish: publishAndForget,
    latestSummary,
    ...reader,
    reader,
    /** A version's label and dates only (no register, no documents): by id, in force at a date, or the latest. */
    summary: (which: Parameters<typeof versionSummary>[1]) => versionSummary(stores.sql, which),
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
