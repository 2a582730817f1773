// The server puts a per-response nonce in <meta name="csp-nonce">; Mantine's <style> elements carry it, so the pages
// run under a Content-Security-Policy without 'unsafe-inline'.
export function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
}
