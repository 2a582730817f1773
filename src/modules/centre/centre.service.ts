// A data subject in the privacy centre: a one-time code to their e-mail or phone proves the contact is theirs, and
// a short session (15 minutes) lets them see their consents and withdraw one. Every answer before the session is
// the same whether or not the operator knows the contact: a code goes to any well-formed contact (the verified
// session of an unknown one simply holds nothing), and every failed check is one error. Codes and session tokens
// are kept only as keyed hashes; the contact itself is never stored.
import { randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { hmacSha256 } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ConsentService } from '../consents/consent.service.js';
import type { Mailer } from '../mail/mailer.js';
import { type Lang, localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { identityExpectations, normalizeIdentity } from '../vault/field-values.js';
import type { VaultService } from '../vault/vault.service.js';
import type { SmsSender } from './centre.sms.js';
import { subjectCodeMail, subjectCodeSms } from './centre.words.js';

/** Who acts through a subject session: the subject, in the privacy centre. */
export const SUBJECT_ACTOR = 'subject:privacy-centre';

export interface SubjectCentreSettings {
  codeTtlMinutes: number;
  codeMaxAttempts: number;
  sessionMinutes: number;
}

const defaults: SubjectCentreSettings = { codeTtlMinutes: 10, codeMaxAttempts: 5, sessionMinutes: 15 };

export type ContactInput = { email?: string; phone?: string };
type Contact = { kind: 'email' | 'phone'; value: string };

export interface SubjectSession {
  id: string;
  subjectId: string | null;
  csrfHash: Buffer;
}

function codeInvalid(): DomainError {
  return new DomainError(
    ErrorCodes.CODE_INVALID,
    'Код неверен или больше не действует: проверьте его или запросите новый. ' +
      'Код қате немесе жарамсыз: тексеріңіз немесе жаңасын сұраңыз. The code is wrong or no longer valid.',
    { issues: [{ path: 'code', message: 'wrong or no longer valid code' }] },
  );
}

function sessionRequired(): DomainError {
  return new DomainError(
    ErrorCodes.UNAUTHENTICATED,
    'Сеанс центра конфиденциальности истёк или не начат: запросите код заново. ' +
      'Сеанс аяқталды: кодты қайта сұраңыз. The privacy centre session has ended; ask for a new code.',
    { issues: [{ path: 'cookie', message: 'no live subject session' }] },
  );
}

/** The one contact the caller gave, normalised; 422 naming the field when it is missing, doubled or malformed. */
export function contactOf(input: ContactInput): Contact {
  const given = (['email', 'phone'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      'Укажите одно из двух: e-mail или телефон. Бірін көрсетіңіз: e-mail немесе телефон. Give an e-mail or a phone.',
      {
        issues: [{ path: given.length ? 'phone' : 'email', message: 'expected exactly one of email, phone' }],
      },
    );
  }
  const kind = given[0]!;
  const value = normalizeIdentity(kind, input[kind]!);
  if (value === null) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Неверный ${kind}: ожидается ${identityExpectations[kind]}`,
      {
        issues: [{ path: kind, message: `expected ${identityExpectations[kind]}` }],
      },
    );
  }
  return { kind, value };
}

export function createSubjectCentre(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  vault: Pick<VaultService, 'lookup'>;
  consents: Pick<ConsentService, 'list' | 'withdraw'>;
  mailer: Mailer;
  sms: SmsSender;
  /** Keys the hashes of contacts, codes and session tokens. */
  hashKey: Buffer;
  clock: () => Date;
  settings?: Partial<SubjectCentreSettings>;
  /** A code message that failed after the answer was given (the caller may ask again). */
  onSendError?: (error: unknown) => void;
}) {
  const { stores, rules } = deps;
  const settings = { ...defaults, ...deps.settings };
  const hash = (text: string) => hmacSha256(deps.hashKey, text);
  const contactHash = (c: Contact) => hash(`contact:${c.kind}:${c.value}`);

  /** The key a per-contact rate limit counts under (a keyed hash: no contact reaches the limiter). */
  const contactKey = (input: ContactInput) => contactHash(contactOf(input)).toString('hex');

  /**
   * A new code for the contact, stored before the answer and sent after it. The answer depends only on the
   * contact's kind and the set-up: mail for e-mail, the SMS webhook for a phone; otherwise 'manual'.
   */
  async function requestCode(
    input: ContactInput,
    lang: Lang = 'ru',
  ): Promise<{ verification: 'code_sent' | 'manual' }> {
    const contact = contactOf(input);
    const sender = contact.kind === 'email' ? deps.mailer : deps.sms;
    if (!sender.configured) return { verification: 'manual' };
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const key = contactHash(contact);
    const now = deps.clock();
    await stores.sql.query(
      `INSERT INTO subject_codes (contact_hash, code_hash, sent_at, expires_at, attempts, max_attempts)
       VALUES ($1, $2, $3, $4, 0, $5)
       ON CONFLICT (contact_hash) DO UPDATE SET code_hash = EXCLUDED.code_hash, sent_at = EXCLUDED.sent_at,
         expires_at = EXCLUDED.expires_at, attempts = 0, max_attempts = EXCLUDED.max_attempts, consumed_at = NULL`,
      [
        key,
        hash(`code:${key.toString('hex')}:${code}`),
        now,
        new Date(now.getTime() + settings.codeTtlMinutes * 60_000),
        settings.codeMaxAttempts,
      ],
    );
    const operator = localized(rules.register.operator.name, lang);
    const sending =
      contact.kind === 'email'
        ? deps.mailer.send({
            to: contact.value,
            ...subjectCodeMail(lang, code, settings.codeTtlMinutes, operator),
          })
        : deps.sms.send({ to: contact.value, text: subjectCodeSms(lang, code, operator) });
    void Promise.resolve(sending).catch((error: unknown) => deps.onSendError?.(error));
    return { verification: 'code_sent' };
  }

  /** Checks the code (a wrong one counts, committed before the answer); a right one opens a session. */
  async function verify(input: ContactInput, code: string) {
    const contact = contactOf(input);
    const key = contactHash(contact);
    const now = deps.clock();
    const ok = await stores.transaction(async (tx) => {
      const [stored] = await tx.query<{
        code_hash: Uint8Array;
        expires_at: Date;
        attempts: number;
        max_attempts: number;
        consumed_at: Date | null;
      }>(
        `SELECT code_hash, expires_at, attempts, max_attempts, consumed_at FROM subject_codes
         WHERE contact_hash = $1 FOR UPDATE`,
        [key],
      );
      if (!stored || stored.consumed_at || stored.expires_at <= now || stored.attempts >= stored.max_attempts)
        return false;
      const given = hash(`code:${key.toString('hex')}:${code.trim()}`);
      if (!/^\d{6}$/.test(code.trim()) || !timingSafeEqual(Buffer.from(stored.code_hash), given)) {
        await tx.query('UPDATE subject_codes SET attempts = attempts + 1 WHERE contact_hash = $1', [key]);
        return false;
      }
      await tx.query('UPDATE subject_codes SET consumed_at = $2 WHERE contact_hash = $1', [key, now]);
      return true;
    });
    if (!ok) throw codeInvalid();
    // The lookup is audited (subject.lookup) by the vault.
    const subjectId = await deps.vault.lookup(SUBJECT_ACTOR, contact.kind, contact.value);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + settings.sessionMinutes * 60_000);
    await stores.transaction(async (tx) => {
      await tx.query('DELETE FROM subject_sessions WHERE expires_at <= $1', [now]);
      await tx.query(
        `INSERT INTO subject_sessions (id, token_hash, csrf_hash, subject_id, contact_kind, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          randomUUID(),
          hash(`session:${token}`),
          hash(`csrf:${csrfToken}`),
          subjectId,
          contact.kind,
          now,
          expiresAt,
        ],
      );
      await deps.audit.append(tx, [
        { actor: SUBJECT_ACTOR, action: 'subject.centre_sign_in', subjectId, details: { by: contact.kind } },
      ]);
    });
    return { token, csrfToken, maxAgeSeconds: settings.sessionMinutes * 60 };
  }

  /** The live session a cookie names, or 401. */
  async function session(token: string | undefined): Promise<SubjectSession> {
    if (!token || token.length > 200) throw sessionRequired();
    const [row] = await stores.sql.query<{ id: string; subject_id: string | null; csrf_hash: Uint8Array }>(
      'SELECT id, subject_id, csrf_hash FROM subject_sessions WHERE token_hash = $1 AND expires_at > $2',
      [hash(`session:${token}`), deps.clock()],
    );
    if (!row) throw sessionRequired();
    return { id: row.id, subjectId: row.subject_id, csrfHash: Buffer.from(row.csrf_hash) };
  }

  /** A change needs the CSRF token the session was opened with (the readable cookie), sent as a header. */
  function checkCsrf(s: SubjectSession, header: string | undefined) {
    if (!header || header.length > 200 || !timingSafeEqual(s.csrfHash, hash(`csrf:${header}`))) {
      throw new DomainError(
        ErrorCodes.CSRF_FAILED,
        'Нет заголовка x-csrf-token с токеном сеанса: обновите страницу. The x-csrf-token header is missing or wrong.',
        {
          issues: [{ path: 'x-csrf-token', message: 'expected the value of the amanat_subject_csrf cookie' }],
        },
      );
    }
  }

  /** The subject's consents with the text they agreed to; the read is audited (consent.read). */
  async function consents(s: SubjectSession, lang: Lang = 'ru') {
    if (!s.subjectId) return [];
    const list = await deps.consents.list(SUBJECT_ACTOR, s.subjectId);
    return list.map((c) => ({
      purposeId: c.purposeId,
      purposeName: purposeName(c.purposeId, lang),
      kind: c.kind,
      state: c.status === 'active' ? ('granted' as const) : ('withdrawn' as const),
      grantedAt: c.grantedAt,
      withdrawnAt: c.withdrawnAt,
      policyVersion: c.policyVersion,
      formId: c.kind === 'publication' ? 'publication' : c.purposeId,
      text: c.text,
      channel: c.channel,
    }));
  }

  function purposeName(id: string, lang: Lang): string {
    try {
      return localized(rules.purpose(id).title, lang);
    } catch {
      // A purpose no longer in the register: its id is all there is.
      return id;
    }
  }

  /** Withdraws through the consent journal (obligation and audit in its transaction); answers the due date. */
  async function withdraw(
    s: SubjectSession,
    input: { purposeId: string; kind?: 'processing' | 'publication' },
    userAgent?: string,
  ) {
    rules.purpose(input.purposeId);
    if (!s.subjectId) {
      throw new DomainError(
        ErrorCodes.CONSENT_NOT_FOUND,
        `Действующего согласия на цель «${input.purposeId}» нет: отзывать нечего. No live consent to withdraw.`,
        { issues: [{ path: 'purposeId', message: 'no live consent' }] },
      );
    }
    const result = await deps.consents.withdraw(SUBJECT_ACTOR, s.subjectId, {
      purpose: input.purposeId,
      kind: input.kind ?? 'processing',
      channel: 'web',
      userAgent: userAgent?.slice(0, 512),
    });
    return { obligationDueOn: result.obligation.dueDate };
  }

  async function signOut(token: string | undefined) {
    if (!token || token.length > 200) return;
    await stores.sql.query('DELETE FROM subject_sessions WHERE token_hash = $1', [hash(`session:${token}`)]);
  }

  return { contactKey, requestCode, verify, session, checkCsrf, consents, withdraw, signOut };
}

export type SubjectCentre = ReturnType<typeof createSubjectCentre>;
