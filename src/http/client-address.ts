// Who a request comes from, for rate limits. Behind a reverse proxy every client shares the proxy's address unless
// TRUST_PROXY_HEADER names the header the proxy sets. That header is a list the client starts (it may send any
// X-Forwarded-For it likes) and each proxy appends to: the address is the one the trusted proxies appended,
// TRUSTED_PROXY_HOPS entries from the right (1: the rightmost).
import { isIPv4, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface ClientAddressOptions {
  /** The header a trusted reverse proxy appends the client's address to, e.g. x-forwarded-for. */
  trustProxyHeader?: string;
  /** How many trusted proxies append to that header (1 by default): the address is that many from the right. */
  trustedProxyHops?: number;
}

export function clientAddress(c: Context, options: ClientAddressOptions = {}): string {
  if (options.trustProxyHeader) {
    const entries = (c.req.header(options.trustProxyHeader) ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    // Fewer entries than hops: the request passed fewer proxies than configured; the leftmost is the best known.
    const forwarded = entries[Math.max(0, entries.length - (options.trustedProxyHops ?? 1))];
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by the Node adapter (e.g. app.request in-process): one shared bucket.
    return 'local';
  }
}

/** The eight 16-bit groups of an IPv6 address (zone removed, `::` expanded, a dotted IPv4 tail turned into two). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0] ?? address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The bucket a client address counts in. One IPv6 subscriber is normally given a whole /64 (2^64 addresses): a
 * limit per address would be a limit per request, so an IPv6 client is limited by its /64. An IPv4-mapped IPv6
 * address (::ffff:203.0.113.1, how a dual-stack socket reports an IPv4 peer) is that IPv4 address. Anything else
 * (no proxy header, a name) is kept as it is, cut to a length any store keeps.
 */
export function clientKey(address: string): string {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return bare.slice(0, 100);
  const groups = ipv6Groups(bare);
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
