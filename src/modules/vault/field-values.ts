// Validation and normalisation of personal-data values by field type. Errors name the field and what was
// expected, never the value itself (it is personal data and may end up in logs).
import { isIP } from 'node:net';
import { z } from 'zod';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import { isValidBin, isValidIin } from '../../lib/kz-identifiers.js';
import type { FieldType } from '../register/register.schema.js';

export type IdentityKind = 'email' | 'phone' | 'iin';

const MAX_TEXT = 10_000;
const emailSchema = z.email();

export function normalizeEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return emailSchema.safeParse(value).success ? value : null;
}

/** E.164 without spaces. Kazakhstan and Russia share +7; the domestic 8XXXXXXXXXX form is accepted. */
export function normalizePhone(raw: string): string | null {
  const compact = raw.replace(/[\s\-().]/g, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (/^8\d{10}$/.test(compact)) digits = `7${compact.slice(1)}`;
  else digits = compact;
  return /^[1-9]\d{9,14}$/.test(digits) ? `+${digits}` : null;
}

export function normalizeIdentity(kind: IdentityKind, raw: string): string | null {
  switch (kind) {
    case 'email':
      return normalizeEmail(raw);
    case 'phone':
      return normalizePhone(raw);
    case 'iin': {
      const value = raw.trim();
      return isValidIin(value) ? value : null;
    }
  }
}

export const identityExpectations: Record<IdentityKind, string> = {
  email: 'адрес электронной почты вида name@example.kz / an e-mail address',
  phone: 'номер телефона в международном формате, например +7 701 123 45 67 / a phone number in E.164',
  iin: 'ИИН из 12 цифр с верной контрольной суммой / a 12-digit IIN with a valid checksum',
};

/** Returns the normalised value, or an issue naming the field and the expectation. */
export function normalizeFieldValue(
  fieldId: string,
  type: FieldType,
  raw: unknown,
): { value: unknown } | { issue: ErrorIssue } {
  const fail = (expected: string) => ({
    issue: { path: `values.${fieldId}`, message: `ожидается ${expected}` },
  });
  if (type === 'json') {
    return raw === undefined ? fail('значение JSON / a JSON value') : { value: raw };
  }
  if (typeof raw !== 'string' || raw.trim() === '') return fail('непустая строка / a non-empty string');
  if (raw.length > MAX_TEXT && type !== 'image') return fail(`строка не длиннее ${MAX_TEXT} символов`);
  switch (type) {
    case 'email': {
      const v = normalizeEmail(raw);
      return v ? { value: v } : fail(identityExpectations.email);
    }
    case 'phone': {
      const v = normalizePhone(raw);
      return v ? { value: v } : fail(identityExpectations.phone);
    }
    case 'iin':
      return isValidIin(raw.trim()) ? { value: raw.trim() } : fail(identityExpectations.iin);
    case 'bin':
      return isValidBin(raw.trim())
        ? { value: raw.trim() }
        : fail('БИН из 12 цифр с верной контрольной суммой / a 12-digit BIN with a valid checksum');
    case 'date':
      return z.iso.date().safeParse(raw).success
        ? { value: raw }
        : fail('дата ГГГГ-ММ-ДД / a date YYYY-MM-DD');
    case 'ip_address':
      return isIP(raw.trim()) ? { value: raw.trim() } : fail('IPv4- или IPv6-адрес / an IP address');
    case 'image':
      return /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/.test(raw) ||
        z.url().safeParse(raw).success
        ? { value: raw }
        : fail('изображение как data:image/...;base64 или URL / an image data URI or URL');
    default:
      return { value: raw };
  }
}

export function validationError(message: string, issues: ErrorIssue[]): DomainError {
  return new DomainError(ErrorCodes.VALIDATION_FAILED, message, { issues });
}
