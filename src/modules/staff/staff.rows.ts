// The staff account as stored and as presented, and the lookups every part of the staff module shares
// (accounts, sign-in, TOTP, password reset).
import { createHash } from 'node:crypto';
import type { Sql } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';

export interface StaffSettings {
  /** Absolute session lifetime. */
  sessionHours: number;
  /** A session unused this long ends. */
  idleMinutes: number;
  /** Failed sign-ins in a row before the account locks. */
  maxFailedLogins: number;
  lockMinutes: number;
  resetLinkMinutes: number;
  /** Where the console is, for the link in the password-reset letter (optional). */
  publicUrl?: string;
}

export const DEFAULT_STAFF_SETTINGS: StaffSettings = {
  sessionHours: 12,
  idleMinutes: 30,
  maxFailedLogins: 5,
  lockMinutes: 15,
  resetLinkMinutes: 60,
};

export const MIN_PASSWORD_LENGTH = 12;

export interface StaffAccount {
  id: string;
  email: string;
  fullName: string;
  position: string | null;
  isAdmin: boolean;
  isHead: boolean;
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

export interface StaffRow {
  id: string;
  email: string;
  full_name: string;
  position: string | null;
  password_hash: string | null;
  totp_secret: Uint8Array | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | number | null;
  totp_pending_secret: Uint8Array | null;
  is_admin: boolean;
  is_head: boolean;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: Date | null;
  created_at: Date;
}

export const STAFF_COLUMNS = `id, email, full_name, position, password_hash, totp_secret, totp_enabled_at, totp_last_step,
  totp_pending_secret, is_admin, is_head, status, failed_logins, locked_until, created_at`;

/** The same columns qualified by the alias `a` (joined with sessions, whose id would clash). */
export const STAFF_COLUMNS_OF_A = STAFF_COLUMNS.split(',')
  .map((c) => `a.${c.trim()}`)
  .join(', ');

export function present(row: StaffRow): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    position: row.position,
    isAdmin: row.is_admin,
    isHead: row.is_head,
    status: row.status,
    totpEnabled: row.totp_enabled_at !== null,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function unauthenticated(message: string, path = 'session'): DomainError {
  return new DomainError(ErrorCodes.UNAUTHENTICATED, message, { issues: [{ path, message }] });
}

export function checkPassword(password: string, path = 'password') {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 1024) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Пароль должен быть не короче ${MIN_PASSWORD_LENGTH} символов. Password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
      { issues: [{ path, message: `at least ${MIN_PASSWORD_LENGTH} characters` }] },
    );
  }
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function byEmail(sql: Sql, email: string): Promise<StaffRow | undefined> {
  const [row] = await sql.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff_accounts WHERE email = $1`, [
    normaliseEmail(email),
  ]);
  return row;
}

export async function byId(sql: Sql, id: string, lock = false): Promise<StaffRow> {
  const [row] = await sql.query<StaffRow>(
    `SELECT ${STAFF_COLUMNS} FROM staff_accounts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) {
    throw new DomainError(ErrorCodes.NOT_FOUND, `Сотрудник ${id} не найден. Staff member not found.`, {
      issues: [{ path: 'staffId', message: 'unknown staff member' }],
    });
  }
  return row;
}

/** A session as the HTTP layer holds it after authentication. */
export interface StaffSession {
  id: string;
  staff: StaffAccount;
  csrfHash: Buffer;
  expiresAt: Date;
}
