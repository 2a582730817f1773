import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  otpauthUrl,
  totpCode,
  totpStep,
  verifyTotp,
} from './totp.js';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", 8 digits, X = 30 s.
const rfcSecret = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const at = (seconds: number) => new Date(seconds * 1000);

describe('RFC 6238 test vectors (SHA-1)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T = %i → %s', (seconds, expected) => {
    expect(totpCode(rfcSecret, totpStep(at(seconds)), 8)).toBe(expected);
  });

  it('6-digit codes are the last six digits, zero-padded', () => {
    expect(totpCode(rfcSecret, totpStep(at(59)))).toBe('287082');
    expect(totpCode(rfcSecret, totpStep(at(1111111109)))).toBe('081804');
  });

  it('steps are floor(unix seconds / period)', () => {
    expect(totpStep(at(59))).toBe(1);
    expect(totpStep(at(60))).toBe(2);
    expect(totpStep(at(20000000000))).toBe(666666666);
    expect(totpStep(at(90), 60)).toBe(1);
  });
});

describe('base32', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('RFC 4648 vector %j ↔ %s', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain, 'ascii'))).toBe(encoded);
    expect(base32Decode(encoded).toString('ascii')).toBe(plain);
  });

  it('decoding tolerates lowercase, spaces and padding', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString('ascii')).toBe('foobar');
  });

  it('decoding rejects characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow(Error);
    expect(() => base32Decode('MZXW-6YTB')).toThrow(Error);
  });

  it('round-trips random bytes and generated secrets', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 0xff));
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('verifyTotp', () => {
  const secret = generateTotpSecret();
  const now = new Date('2026-11-24T09:15:10Z');
  const step = totpStep(now);
  const codeAt = (offset: number) => totpCode(secret, step + offset);

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp(secret, codeAt(0), now)).toEqual({ ok: true, step });
  });

  it('accepts the previous and the next step, but not two steps away', () => {
    expect(verifyTotp(secret, codeAt(-1), now)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(secret, codeAt(1), now)).toEqual({ ok: true, step: step + 1 });
    // Two steps away could collide with a neighbour's code by chance (1 in 10^6): skip that case.
    for (const offset of [-2, 2]) {
      const code = codeAt(offset);
      if ([-1, 0, 1].some((o) => codeAt(o) === code)) continue;
      expect(verifyTotp(secret, code, now)).toEqual({ ok: false, reason: 'wrong' });
    }
  });

  it('a wider window accepts two steps away; window 0 accepts only the current step', () => {
    expect(verifyTotp(secret, codeAt(-2), now, { window: 2 })).toEqual({ ok: true, step: step - 2 });
    if (codeAt(1) !== codeAt(0)) {
      expect(verifyTotp(secret, codeAt(1), now, { window: 0 })).toEqual({ ok: false, reason: 'wrong' });
    }
  });

  it('refuses a code that was already used, and any earlier one', () => {
    const first = verifyTotp(secret, codeAt(0), now);
    expect(first.ok).toBe(true);
    const lastUsedStep = first.ok ? first.step : null;
    expect(verifyTotp(secret, codeAt(0), now, { lastUsedStep })).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(secret, codeAt(-1), now, { lastUsedStep })).toEqual({ ok: false, reason: 'replayed' });
    // The next step's code is still fresh.
    expect(verifyTotp(secret, codeAt(1), now, { lastUsedStep })).toEqual({ ok: true, step: step + 1 });
    // No record of use: null behaves like absent.
    expect(verifyTotp(secret, codeAt(0), now, { lastUsedStep: null })).toEqual({ ok: true, step });
  });

  it('refuses malformed input before comparing', () => {
    for (const code of ['', '12345', '1234567', '12a456', '١٢٣٤٥٦', '123-456', '+12345', '12345.']) {
      expect(verifyTotp(secret, code, now)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('tolerates surrounding spaces and the grouping space apps display', () => {
    const code = codeAt(0);
    expect(verifyTotp(secret, ` ${code} `, now).ok).toBe(true);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now).ok).toBe(true);
  });

  it('a wrong code is wrong', () => {
    const valid = new Set([-1, 0, 1].map(codeAt));
    const wrong = ['000000', '111111', '222222'].find((c) => !valid.has(c))!;
    expect(verifyTotp(secret, wrong, now)).toEqual({ ok: false, reason: 'wrong' });
  });
});

describe('otpauthUrl', () => {
  it('has the Key URI shape with encoded label and parameters', () => {
    const url = otpauthUrl('JBSWY3DPEHPK3PXP', 'anna@example.kz', 'Amanat');
    expect(url).toBe(
      'otpauth://totp/Amanat:anna%40example.kz?secret=JBSWY3DPEHPK3PXP&issuer=Amanat&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('percent-encodes a Cyrillic issuer and spaces as UTF-8', () => {
    const issuer = 'ТОО «Аманат»';
    const url = otpauthUrl('JBSWY3DPEHPK3PXP', 'Анна Иванова', issuer);
    expect(url).toMatch(/^otpauth:\/\/totp\/[^?]+\?[\x21-\x7e]+$/);
    expect(url).not.toMatch(/[\s+]/);
    const parsed = new URL(url);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.searchParams.get('issuer')).toBe(issuer);
    expect(parsed.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(parsed.searchParams.get('digits')).toBe('6');
    expect(parsed.searchParams.get('period')).toBe('30');
    expect(parsed.searchParams.get('algorithm')).toBe('SHA1');
    const label = decodeURIComponent(url.slice('otpauth://totp/'.length, url.indexOf('?')));
    expect(label).toBe(`${issuer}:Анна Иванова`);
  });
});
