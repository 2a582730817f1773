// The cookie banner's proofs: a visitor's choice checked against the published version it quotes and written
// in batches; a visitor's proofs for staff, the log exported by date range, and a visitor linked to a subject.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { sha256Hex } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { WidgetConfigs } from './cookie.config.js';
import { type CookieProofRow, createCookieProofWriter } from './cookie.proof-writer.js';

export interface CookieProofInput {
  visitorId: string;
  policyVersion: string;
  lang: 'ru' | 'kk' | 'en';
  textHash: string;
  choices: Record<string, boolean>;
  method: CookieProofRow['method'];
  gpc: boolean;
  decidedAt: string;
}

export interface CookieProof extends Omit<CookieProofRow, 'decidedAt' | 'receivedAt'> {
  decidedAt: string;
  receivedAt: string;
  subjectId: string | null;
}

/** A proof may be retried from the browser's storage for 30 days, and its clock may run 5 minutes fast. */
const MAX_AGE_MS = 30 * 86_400_000;
const MAX_AHEAD_MS = 5 * 60_000;
const MAX_USER_AGENT = 512;

const invalid = (path: string, message: string, rule?: string) =>
  new DomainError(
    ErrorCodes.VALIDATION_FAILED,
    `Запрос не прошёл проверку / Request validation failed: ${message}`,
    {
      issues: [{ path, message, ...(rule ? { rule } : {}) }],
    },
  );

interface ProofDbRow {
  id: string;
  visitor_id: string;
  policy_version: string;
  lang: CookieProofRow['lang'];
  text_hash: string;
  choices: Record<string, boolean> | string;
  method: CookieProofRow['method'];
  gpc: boolean;
  decided_at: Date | string;
  received_at: Date | string;
  user_agent: string | null;
  subject_id: string | null;
}

const PROOF_COLUMNS =
  'id, visitor_id, policy_version, lang, text_hash, choices, method, gpc, decided_at, received_at, user_agent, subject_id';

function proofOf(r: ProofDbRow): CookieProof {
  return {
    id: r.id,
    visitorId: r.visitor_id,
    policyVersion: r.policy_version,
    lang: r.lang,
    textHash: r.text_hash,
    choices: typeof r.choices === 'string' ? JSON.parse(r.choices) : r.choices,
    method: r.method,
    gpc: r.gpc,
    decidedAt: new Date(r.decided_at).toISOString(),
    receivedAt: new Date(r.received_at).toISOString(),
    userAgent: r.user_agent,
    subjectId: r.subject_id,
  };
}

export function createCookieConsentService(deps: {
  stores: Stores;
  audit: AuditService;
  configs: WidgetConfigs;
  clock: () => Date;
  /** The operator's IANA time zone: export ranges are its local days. */
  timezone: string;
}) {
  const { stores, audit, configs, clock } = deps;
  const writer = createCookieProofWriter({ stores });

  /** The choices name exactly the version's categories, each a boolean, the required ones granted. */
  function checkChoices(choices: Record<string, boolean>, categories: { id: string; required: boolean }[]) {
    const known = new Map(categories.map((c) => [c.id, c]));
    for (const id of Object.keys(choices)) {
      if (!known.has(id)) {
        throw invalid(
          `choices.${id}`,
          `unknown cookie category "${id}" in this policy version — expected: ${[...known.keys()].join(', ')}`,
        );
      }
    }
    for (const category of categories) {
      const choice = choices[category.id];
      if (choice === undefined) {
        throw invalid(
          `choices.${category.id}`,
          `category "${category.id}" is missing: a proof states every category of its version (true or false)`,
        );
      }
      if (category.required && choice !== true) {
        throw invalid(
          `choices.${category.id}`,
          `category "${category.id}" is strictly necessary and cannot be refused: expected true`,
        );
      }
    }
  }

  function checkDecidedAt(decidedAt: string, now: Date): Date {
    const at = new Date(decidedAt);
    if (Number.isNaN(at.getTime())) throw invalid('decidedAt', 'expected an ISO 8601 instant');
    if (at.getTime() > now.getTime() + MAX_AHEAD_MS) {
      throw invalid(
        'decidedAt',
        'the choice is dated in the future (more than 5 minutes ahead of the server)',
      );
    }
    if (at.getTime() < now.getTime() - MAX_AGE_MS) {
      throw invalid(
        'decidedAt',
        'the choice is older than 30 days: a proof is accepted for 30 days after it',
      );
    }
    return at;
  }

  async function record(input: CookieProofInput, userAgent: string | undefined): Promise<{ id: string }> {
    const content = await configs.of(input.policyVersion, input.lang);
    if (!content) {
      throw new DomainError(
        ErrorCodes.POLICY_VERSION_UNKNOWN,
        `Редакция политики «${input.policyVersion}» не опубликована. Policy version "${input.policyVersion}" was never published.`,
        { issues: [{ path: 'policyVersion', message: 'expected a published policy version' }] },
      );
    }
    if (content.textHash !== input.textHash) {
      throw new DomainError(
        ErrorCodes.COOKIE_TEXT_MISMATCH,
        'Тексты баннера не совпадают с опубликованной редакцией. The banner texts differ from the published version.',
        {
          issues: [
            {
              path: 'textHash',
              message: `expected the textHash of /api/widget/config for version ${content.policyVersion} and lang ${content.lang}`,
            },
          ],
        },
      );
    }
    checkChoices(input.choices, content.categories);
    const now = clock();
    const decidedAt = checkDecidedAt(input.decidedAt, now);
    const id = randomUUID();
    await writer.write({
      id,
      visitorId: input.visitorId.toLowerCase(),
      policyVersion: content.policyVersion,
      lang: content.lang,
      textHash: content.textHash,
      // In the version's order of categories, whatever order the widget sent.
      choices: Object.fromEntries(content.categories.map((c) => [c.id, input.choices[c.id] === true])),
      method: input.method,
      gpc: input.gpc,
      decidedAt,
      receivedAt: now,
      userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null,
    });
    return { id };
  }

  async function byVisitor(visitorId: string): Promise<CookieProof[]> {
    const rows = await stores.sql.query<ProofDbRow>(
      `SELECT ${PROOF_COLUMNS} FROM cookie_consents WHERE visitor_id = $1::uuid
        ORDER BY decided_at DESC, received_at DESC, id DESC`,
      [visitorId.toLowerCase()],
    );
    return rows.map(proofOf);
  }

  /**
   * The proofs received on the operator's local days from..to (inclusive), oldest first, a page at a time:
   * the export streams without holding the log in memory.
   */
  async function* exportRange(from: string, to: string, pageSize = 1000): AsyncGenerator<CookieProof[]> {
    if (to < from) throw invalid('to', `the range ends before it starts: from ${from}, to ${to}`);
    let after: { at: Date | string; id: string } | null = null;
    for (;;) {
      const params: unknown[] = [from, to, deps.timezone, pageSize];
      let keyset = '';
      if (after) {
        params.push(after.at, after.id);
        keyset = 'AND (received_at, id) > ($5::timestamptz, $6::uuid)';
      }
      const rows: ProofDbRow[] = await stores.sql.query<ProofDbRow>(
        `SELECT ${PROOF_COLUMNS} FROM cookie_consents
          WHERE received_at >= ($1::date)::timestamp AT TIME ZONE $3
            AND received_at < ($2::date + 1)::timestamp AT TIME ZONE $3 ${keyset}
          ORDER BY received_at, id LIMIT $4`,
        params,
      );
      if (rows.length === 0) return;
      yield rows.map(proofOf);
      if (rows.length < pageSize) return;
      const last = rows.at(-1)!;
      after = { at: last.received_at, id: last.id };
    }
  }

  /** Links a visitor's proofs to a subject (the visitor signed in on the site), with its audit entry. */
  async function link(actor: string, visitorId: string, subjectId: string): Promise<{ linked: number }> {
    const visitor = visitorId.toLowerCase();
    return stores.transaction(async (tx: Sql) => {
      // cross-module read: subjects (owner: vault), locked FOR SHARE against a concurrent destruction
      const [subject] = await tx.query<{ id: string }>(
        `SELECT id FROM subjects WHERE id = $1::uuid AND status <> 'destroyed' FOR SHARE`,
        [subjectId],
      );
      if (!subject) {
        throw new DomainError(ErrorCodes.NOT_FOUND, `Субъект ${subjectId} не найден / Subject not found`, {
          issues: [{ path: 'subjectId', message: 'no such subject' }],
        });
      }
      const updated = await tx.query<{ id: string }>(
        'UPDATE cookie_consents SET subject_id = $2::uuid WHERE visitor_id = $1::uuid RETURNING id',
        [visitor, subjectId],
      );
      if (updated.length === 0) {
        throw new DomainError(
          ErrorCodes.NOT_FOUND,
          'Нет подтверждений выбора cookie этого посетителя / No cookie proofs of this visitor',
          { issues: [{ path: 'visitorId', message: 'no proof carries this visitor id' }] },
        );
      }
      await audit.append(tx, [
        {
          actor,
          action: 'cookie_consent.link',
          subjectId,
          // The visitor id is an online identifier: the entry keeps its hash, which finds the proofs again.
          details: { visitorIdSha256: sha256Hex(visitor), proofs: updated.length },
        },
      ]);
      return { linked: updated.length };
    });
  }

  return { record, byVisitor, exportRange, link };
}

export type CookieConsentService = ReturnType<typeof createCookieConsentService>;
