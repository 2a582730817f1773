import { describe, expect, it } from 'vitest';
import { hasValidKzChecksum, isValidBin, isValidIin, kzControlDigit } from './kz-identifiers.js';

describe('IIN/BIN checksum', () => {
  it('accepts the seed operator IIN (ИП Бекишев, 941203351343)', () => {
    expect(isValidIin('941203351343')).toBe(true);
  });

  it('rejects a wrong control digit, wrong length and non-digits', () => {
    expect(hasValidKzChecksum('941203351344')).toBe(false);
    expect(hasValidKzChecksum('94120335134')).toBe(false);
    expect(hasValidKzChecksum('94120335134a')).toBe(false);
  });

  it('uses the second weight row when the first sum gives 10', () => {
    // Find an 11-digit prefix whose first-row sum is 10 mod 11 and check the second row decides.
    let prefix = '';
    for (let n = 0; n < 100000 && !prefix; n++) {
      const candidate = `9001010${String(n).padStart(4, '0')}`;
      const d = [...candidate].map(Number);
      const first = d.reduce((sum, digit, i) => sum + digit * (i + 1), 0) % 11;
      if (first === 10) prefix = candidate;
    }
    expect(prefix).not.toBe('');
    const d = [...prefix].map(Number);
    const weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    const second = d.reduce((sum, digit, i) => sum + digit * weights[i]!, 0) % 11;
    expect(kzControlDigit(prefix)).toBe(second === 10 ? null : second);
  });

  it('checks an IIN birth month and a BIN entity type', () => {
    const withControl = (first11: string) => `${first11}${kzControlDigit(first11)}`;
    expect(isValidIin(withControl('941303351340'.slice(0, 11)))).toBe(false); // month 13
    expect(isValidBin(withControl('19014000123'))).toBe(true); // 2019-01, legal entity (4)
    expect(isValidBin(withControl('19011000123'))).toBe(false); // type digit 1 is not a BIN
  });
});
