// The first-party consent cookie and the deletion of a refused category's cookies.
import type { Choices, CookieInfo, Stored } from './types';

const NAME = 'amanat_consent';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function cookieNames(): string[] {
  return document.cookie
    .split(';')
    .map((part) => part.split('=')[0]!.trim())
    .filter(Boolean);
}

function isChoices(c: unknown): c is Choices {
  return (
    !!c &&
    typeof c === 'object' &&
    !Array.isArray(c) &&
    Object.keys(c).every((k) => typeof (c as Choices)[k] === 'boolean')
  );
}

/** The stored choice, or null when there is none or it cannot be trusted (then the visitor is asked again). */
export function readStored(): Stored | null {
  for (const part of document.cookie.split(';')) {
    const at = part.indexOf('=');
    if (part.slice(0, at).trim() !== NAME) continue;
    try {
      const s = JSON.parse(decodeURIComponent(part.slice(at + 1))) as Stored;
      if (
        UUID.test(s.v) &&
        typeof s.p === 'string' &&
        typeof s.h === 'string' &&
        typeof s.t === 'string' &&
        isChoices(s.c)
      )
        return s;
    } catch {
      // corrupted: asked again
    }
  }
  return null;
}

export function writeStored(s: Stored, days: number): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and older Safari
  document.cookie = `${NAME}=${encodeURIComponent(JSON.stringify(s))}; Max-Age=${days * 86400}; Path=/; SameSite=Lax${secure}`;
}

/** A random UUID v4 (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newVisitorId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  const hex = Array.from(b, (x) => (x + 256).toString(16).slice(1)).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

function matches(info: CookieInfo, name: string): boolean {
  if (info.name) return info.name === name;
  try {
    return !!info.pattern && new RegExp(info.pattern).test(name);
  } catch {
    return false;
  }
}

/** Deletes every cookie of the list: on the current host and each of its parent domains, path /. */
export function deleteCookies(list: CookieInfo[]): void {
  const parts = location.hostname.split('.');
  const domains = [''];
  for (let i = 0; i < parts.length - 1; i++) domains.push(`; Domain=${parts.slice(i).join('.')}`);
  for (const name of cookieNames()) {
    if (name === NAME || !list.some((info) => matches(info, name))) continue;
    // biome-ignore lint/suspicious/noDocumentCookie: as above
    for (const d of domains) document.cookie = `${name}=; Max-Age=0; Path=/${d}`;
  }
}
