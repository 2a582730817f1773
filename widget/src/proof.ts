// Proofs of choice (contract C3): sent with fetch keepalive as text/plain (no CORS preflight), kept in
// localStorage until the server has taken them, so a choice made while the server was down arrives later.
const KEY = 'amanat_proofs';
const MAX_AGE = 29 * 86400_000;

interface Queued {
  u: string;
  b: string;
  t: number;
}

function load(): Queued[] {
  try {
    const q = JSON.parse(localStorage.getItem(KEY) || '[]') as Queued[];
    return Array.isArray(q)
      ? q.filter((x) => x && typeof x.u === 'string' && typeof x.b === 'string' && typeof x.t === 'number')
      : [];
  } catch {
    return [];
  }
}

function save(q: Queued[]): void {
  try {
    if (q.length) localStorage.setItem(KEY, JSON.stringify(q.slice(-20)));
    else localStorage.removeItem(KEY);
  } catch {
    // storage refused: the proof is only tried once
  }
}

let busy = false;

/** Sends the queued proofs oldest first; stops at the first one the server could not take now. */
export async function flush(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (let item = load()[0]; item; item = load()[0]) {
      let status = 0;
      if (Date.now() - item.t < MAX_AGE) {
        try {
          const r = await fetch(item.u, {
            method: 'POST',
            body: item.b,
            keepalive: true,
            credentials: 'omit',
            headers: { 'content-type': 'text/plain' },
          });
          status = r.status;
        } catch {
          // server unreachable: kept for a later page
        }
        if (status === 0 || status === 429 || status >= 500) break;
      }
      const sent = item;
      save(load().filter((x) => x.t !== sent.t || x.b !== sent.b));
    }
  } finally {
    busy = false;
  }
}

export function sendProof(url: string, body: object): void {
  const q = load();
  const item = { u: url, b: JSON.stringify(body), t: Date.now() };
  q.push(item);
  save(q);
  // storage refused: one attempt without the queue
  if (!load().length)
    void fetch(url, { method: 'POST', body: item.b, keepalive: true, credentials: 'omit' }).catch(() => {});
  else void flush();
}
