// DOM helpers: every text is set with textContent, never parsed as HTML.
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text) el.textContent = text;
  return el;
}

export function button(text: string, onClick: () => void, cls = 'amanat-btn'): HTMLButtonElement {
  const b = h('button', cls, text);
  b.type = 'button';
  b.onclick = onClick;
  return b;
}

/** Runs fn once the body exists (an async script in <head> may run before it). */
export function whenBody(fn: () => void): void {
  if (document.body) fn();
  else document.addEventListener('DOMContentLoaded', fn);
}
