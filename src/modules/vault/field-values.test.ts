import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeFieldValue, normalizePhone } from './field-values.js';

describe('field values', () => {
  it('normalises phones to E.164, accepting the domestic 8 prefix', () => {
    expect(normalizePhone('8 (701) 123-45-67')).toBe('+77011234567');
    expect(normalizePhone('+7 701 123 45 67')).toBe('+77011234567');
    expect(normalizePhone('12345')).toBeNull();
  });

  it('lower-cases e-mail and refuses malformed ones', () => {
    expect(normalizeEmail(' A@Example.KZ ')).toBe('a@example.kz');
    expect(normalizeEmail('a@')).toBeNull();
  });

  it('names the field and never echoes the value in an issue', () => {
    const result = normalizeFieldValue('iin', 'iin', '941203351344');
    expect(result).toEqual({ issue: { path: 'values.iin', message: expect.stringContaining('ИИН') } });
    expect(JSON.stringify(result)).not.toContain('941203351344');
  });

  it('checks IP addresses, dates and images', () => {
    expect(normalizeFieldValue('ip', 'ip_address', '10.0.0.1')).toEqual({ value: '10.0.0.1' });
    expect('issue' in normalizeFieldValue('ip', 'ip_address', '10.0.0')).toBe(true);
    expect('issue' in normalizeFieldValue('d', 'date', '2026-13-01')).toBe(true);
    expect('issue' in normalizeFieldValue('photo', 'image', 'not an image')).toBe(true);
    expect(normalizeFieldValue('photo', 'image', 'data:image/png;base64,iVBORw0KGgo=')).toEqual({
      value: 'data:image/png;base64,iVBORw0KGgo=',
    });
  });
});
