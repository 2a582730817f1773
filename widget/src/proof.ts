// Proofs of choice (POST /api/public/cookie-consents): sent with fetch keepalive as text/plain (no CORS preflight), kept in
// localStorage until the server has taken them, so a choice made while the server was down arrives later.
// Where storage is refused the queue lives in memory for the page.
const KEY = 'amanat_proofs';

interface Queued {
  u: string;
  b: string;
}

let mem: Queued[] = [];

function load(): Queued[] {
  try {
    const q = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(q) ? q : mem;
  } catch {
    return mem;
  }
}

function save(q: Queued[]): void {
  mem = q.slice(-20);
  try {
    localStorage.setItem(KEY, JSON.stringify(mem));
  } catch {
    // storage refused: kept in memory
  }
}

let busy = false;

/** Sends the queued proofs oldest first; stops at the first one the server could not take now (down, 429,
 * 5xx). One it refused as invalid (other 4xx, e.g. older than the server keeps) is dropped. */
export async function flush(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let item = load()[0]; item; item = load()[0]) {
    const sent = item;
    const status = await fetch(sent.u, {
      method: 'POST',
      body: sent.b,
      keepalive: true,
      credentials: 'omit',
      headers: { 'content-type': 'text/plain' },
    }).then(
      (r) => r.status,
      () => 0,
    );
    if (!status || status === 429 || status > 499) break;
    save(load().filter((x) => x.b !== sent.b));
  }
  busy = false;
}

export function sendProof(u: string, body: object): void {
  save([...load(), { u, b: JSON.stringify(body) }]);
  void flush();
}
