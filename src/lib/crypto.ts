// AES-256-GCM envelope used for every personal-data value and for wrapping subject keys.
// Layout: version (1 byte) | IV (12) | auth tag (16) | ciphertext. The AAD binds a ciphertext to its place
// (subject and field), so a value copied to another subject's row fails to decrypt.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Uint8Array, plaintext: Uint8Array, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
}

export function open(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < 1 + IV_BYTES + TAG_BYTES || buf[0] !== VERSION) {
    throw new Error('Unsupported or truncated ciphertext');
  }
  const iv = buf.subarray(1, 1 + IV_BYTES);
  const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export function sealText(key: Uint8Array, text: string, aad: string): Buffer {
  return seal(key, Buffer.from(text, 'utf8'), aad);
}

export function openText(key: Uint8Array, sealed: Uint8Array, aad: string): string {
  return open(key, sealed, aad).toString('utf8');
}

/** Derives independent keys from the master key, so one secret never serves two purposes. */
export function deriveKey(masterKey: Uint8Array, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `amanat:${label}`, KEY_BYTES));
}

export function hmacSha256(key: Uint8Array, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}

/** SHA-256 as hex: of the bytes, or of a text's UTF-8 (what documents, forms and registers are proven by). */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
