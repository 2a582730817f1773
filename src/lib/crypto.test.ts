import { describe, expect, it } from 'vitest';
import { deriveKey, newDataKey, open, openText, sealText } from './crypto.js';

describe('AES-256-GCM envelope', () => {
  it('round-trips and never contains the plaintext', () => {
    const key = newDataKey();
    const sealed = sealText(key, 'Айгерим', 'value:s1:full_name');
    expect(sealed.includes(Buffer.from('Айгерим'))).toBe(false);
    expect(openText(key, sealed, 'value:s1:full_name')).toBe('Айгерим');
  });

  it('refuses another key, another place (AAD) and a flipped bit', () => {
    const key = newDataKey();
    const sealed = sealText(key, 'x', 'value:s1:email');
    expect(() => open(newDataKey(), sealed, 'value:s1:email')).toThrow();
    expect(() => open(key, sealed, 'value:s2:email')).toThrow();
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => open(key, flipped, 'value:s1:email')).toThrow();
  });

  it('derives different keys for different labels', () => {
    const master = newDataKey();
    expect(deriveKey(master, 'a').equals(deriveKey(master, 'b'))).toBe(false);
    expect(deriveKey(master, 'a').equals(deriveKey(master, 'a'))).toBe(true);
  });
});
