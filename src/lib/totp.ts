// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) for a second factor, with node:crypto only:
// HMAC-SHA1, 30-second steps and 6 digits, because that is the only combination every authenticator app
// (Google Authenticator, Microsoft Authenticator, FreeOTP, Aegis, 1Password, …) supports without question.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PERIOD = 30;
const DIGITS = 6;

/** A new shared secret: 20 random bytes (160 bits, the HMAC-SHA1 block-size recommendation of RFC 4226). */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4648 base32, uppercase and without '=' padding: the form authenticator apps expect in otpauth URLs. */
export function base32Encode(buf: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    // Keep only the bits not yet emitted, so that `value` never overflows.
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * RFC 4648 base32 decoding. People copy secrets by hand or from apps that group them, so lowercase letters,
 * spaces and '=' padding are tolerated; any other character is an error rather than silently skipped.
 */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`Invalid base32 character: ${JSON.stringify(ch)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  // Leftover bits (< 8) are padding of the last quantum and carry no data.
  return Buffer.from(bytes);
}

/** The time step (RFC 6238 "T") that contains `at`. */
export function totpStep(at: Date, period = PERIOD): number {
  return Math.floor(at.getTime() / 1000 / period);
}

/** The HOTP value (RFC 4226) for one time step, zero-padded to `digits`. */
export function totpCode(secretBase32: string, step: number, digits = DIGITS): string {
  if (!Number.isSafeInteger(step) || step < 0) throw new Error(`Invalid TOTP step: ${step}`);
  const counter = Buffer.alloc(8);
  // 64-bit big-endian counter: steps beyond 2^32 (year 6053 at 30 s) still encode correctly.
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  // Dynamic truncation (RFC 4226, 5.3).
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export type TotpVerification =
  | { ok: true; step: number }
  | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/**
 * Checks a 6-digit code at `at`, accepting steps `at - window … at + window` (default 1: ±30 s of clock drift).
 * Replay protection: a code whose step is not after `lastUsedStep` is refused as 'replayed', so the caller
 * stores the returned step and each code (and any earlier one) works only once.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  at: Date,
  options: { window?: number; lastUsedStep?: number | null } = {},
): TotpVerification {
  // Apps display codes as "123 456"; spaces are dropped, anything else but six ASCII digits is malformed.
  const candidate = code.replace(/ /g, '');
  if (!/^[0-9]{6}$/.test(candidate)) return { ok: false, reason: 'malformed' };
  const window = Math.max(0, Math.floor(options.window ?? 1));
  const lastUsedStep = options.lastUsedStep ?? null;
  const given = Buffer.from(candidate, 'ascii');
  const current = totpStep(at);

  let fresh: number | null = null;
  let replayed = false;
  // Every step in the window is computed and compared, with no early exit, so timing does not reveal which
  // step (if any) matched.
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    const expected = Buffer.from(totpCode(secretBase32, step, DIGITS), 'ascii');
    if (!timingSafeEqual(expected, given)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) replayed = true;
    else fresh ??= step;
  }
  if (fresh !== null) return { ok: true, step: fresh };
  return { ok: false, reason: replayed ? 'replayed' : 'wrong' };
}

/**
 * The Key URI for QR enrolment (Google Authenticator "Key Uri Format"). Components are percent-encoded
 * with encodeURIComponent rather than URLSearchParams, whose '+' for spaces some apps show literally;
 * Cyrillic issuers become UTF-8 percent escapes. The issuer appears both as the label prefix and as the
 * parameter, as the format recommends.
 */
export function otpauthUrl(secretBase32: string, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = [
    `secret=${encodeURIComponent(secretBase32)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${DIGITS}`,
    `period=${PERIOD}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}
