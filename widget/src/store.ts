// The first-party consent cookie and the deletion of a refused category's cookies.
import type { CookieInfo, Stored } from './types';

const NAME = 'amanat_consent';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The stored choice, or null when there is none or it cannot be trusted (then the visitor is asked again). */
export function readStored(): Stored | null {
  try {
    const s = JSON.parse(
      decodeURIComponent(/(?:^|; )amanat_consent=([^;]*)/.exec(document.cookie)![1]!),
    ) as Stored;
    // the choices are checked per category where they are used
    if (UUID.test(s.v) && typeof s.c === 'object' && s.c) return s;
  } catch {
    // none, or corrupted: asked again
  }
  return null;
}

export function writeStored(s: Stored, days: number): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and older Safari
  document.cookie = `${NAME}=${encodeURIComponent(JSON.stringify(s))}; Max-Age=${days * 86400}; Path=/; SameSite=Lax${secure}`;
}

/** A random UUID v4 (crypto.randomUUID needs a secure context; getRandomValues does not). */
export const newVisitorId = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
  );

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
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]!.trim();
    if (name === NAME || !list.some((info) => matches(info, name))) continue;
    // biome-ignore lint/suspicious/noDocumentCookie: as above
    for (const d of domains) document.cookie = `${name}=; Max-Age=0; Path=/${d}`;
  }
}
