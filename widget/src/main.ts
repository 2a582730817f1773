// Amanat cookie banner: one async <script>, framework-free. Order of work:
// 1. Consent Mode v2 `default` (all denied) is pushed to dataLayer synchronously, before any gated tag can run;
// 2. the config of the published policy version is fetched (only the chosen language) with the stylesheet;
// 3. a stored choice for that version and the same categories is applied (Consent Mode `update`, gated
//    elements released); otherwise the bar asks. Until a choice, only required categories run.
import { button, h } from './dom';
import { flush, sendProof } from './proof';
import { deleteCookies, newVisitorId, readStored, writeStored } from './store';
import type { Choices, Lang, Method, Stored, WidgetConfig } from './types';
import { hideBar, openDialog, showBar } from './ui';

declare global {
  interface Window {
    dataLayer?: unknown[];
    amanat?: unknown;
  }
  interface Navigator {
    globalPrivacyControl?: boolean;
  }
}

const me = document.currentScript as HTMLScriptElement | null;
window.dataLayer = window.dataLayer || [];
const dataLayer = window.dataLayer;
// gtag.js reads Arguments objects from dataLayer, so the pushes mimic its own `gtag()` function.
function gtag(..._args: unknown[]): void {
  // biome-ignore lint/complexity/noArguments: gtag.js expects the Arguments object itself
  dataLayer.push(arguments);
}
const V2 = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'];
const denied = (): Record<string, string> => {
  const st: Record<string, string> = {};
  for (const s of V2) st[s] = 'denied';
  return st;
};
gtag('consent', 'default', { ...denied(), wait_for_update: 500 });

const pick = (l?: string | null): Lang | null => {
  const s = (l || '').slice(0, 2).toLowerCase();
  return s === 'ru' || s === 'kk' || s === 'en' ? s : null;
};
const lang = pick(me?.dataset.lang) || pick(document.documentElement.lang) || 'ru';
const server = me?.dataset.server || (me?.src ? new URL(me.src).origin : location.origin);
const gpc = navigator.globalPrivacyControl === true;

let cfg: WidgetConfig | null = null;
let stored: Stored | null = readStored();
const visitorId = stored?.v || newVisitorId();
/** What may run now; null until known (then nothing is released). */
let granted: Choices | null = null;
let wantDialog = false;
/** The bar is asking: no answer for this policy version and these categories yet. */
let asking = false;
const waiting = new Map<string, Array<() => void>>();
const done = new WeakSet<Element>();
const holders = new WeakMap<Element, HTMLElement>();

// only an own `true` counts: `constructor` or `__proto__` in data-category reach inherited values, never `true`
const ok = (cat: string | null): boolean => !!granted && !!cat && granted[cat] === true;
const category = (id: string | null) => cfg?.categories.find((c) => c.id === id);

function release(el: Element): void {
  done.add(el);
  holders.get(el)?.remove();
  const src = el.getAttribute('data-src');
  if (el instanceof HTMLScriptElement) {
    if (el.type !== 'text/plain') return;
    const s = document.createElement('script');
    for (const a of el.attributes)
      if (a.name !== 'type' && a.name !== 'data-src') s.setAttribute(a.name, a.value);
    if (el.nonce) s.nonce = el.nonce;
    if (src) {
      s.src = src;
      s.async = el.hasAttribute('async');
    } else s.text = el.text;
    done.add(s);
    el.replaceWith(s);
  } else if (src) {
    el.removeAttribute('hidden');
    el.setAttribute('src', src);
  }
}

/** A blocked iframe shows what it would load, with "load once" and "allow the category". */
function hold(el: Element): void {
  const cat = category(el.getAttribute('data-category'));
  if (!cfg || !cat || holders.has(el)) return;
  const t = cfg.texts;
  const src = el.getAttribute('data-src') || '';
  let vendor = el.getAttribute('data-vendor') || '';
  try {
    vendor ||= new URL(src, location.href).hostname;
  } catch {
    // an unparsable address names no vendor
  }
  const box = h('div', 'amanat amanat-ph');
  box.append(
    h('p', '', t.placeholder.split('{vendor}').join(vendor).split('{category}').join(cat.name)),
    button(t.loadOnce, () => release(el)),
    button(
      t.allowCategory,
      // while the bar still asks, the dialog opens with the category ticked: the others are answered there
      () =>
        asking
          ? openDialog(cfg!, { ...granted, [cat.id]: true }, actions)
          : decide({ ...granted, [cat.id]: true }, 'custom'),
      'amanat-btn amanat-2',
    ),
  );
  el.setAttribute('hidden', '');
  el.before(box);
  holders.set(el, box);
}

function handle(el: Element): void {
  if (done.has(el)) return;
  if (ok(el.getAttribute('data-category'))) release(el);
  else if (el instanceof HTMLIFrameElement && granted) hold(el);
}

const scan = (root: Element | Document): void => {
  if (root instanceof Element && root.hasAttribute('data-category')) handle(root);
  for (const el of root.querySelectorAll('[data-category]')) handle(el);
};

new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) scan(n);
}).observe(document.documentElement, { childList: true, subtree: true });

/** Applies choices: Consent Mode update, granted elements released and, for a choice made (not one pending),
 * the refused categories' cookies deleted. */
function apply(c: Choices, made = true): void {
  granted = c;
  if (cfg) {
    const st = denied();
    for (const cat of cfg.categories)
      for (const s of cat.consentMode) if (st[s] !== 'granted') st[s] = ok(cat.id) ? 'granted' : 'denied';
    gtag('consent', 'update', st);
    if (made) for (const cat of cfg.categories) if (!ok(cat.id)) deleteCookies(cat.cookies);
  }
  scan(document);
  for (const [id, fns] of waiting)
    if (ok(id)) {
      waiting.delete(id);
      for (const fn of fns) fn();
    }
}

function decide(c: Choices, method: Method): void {
  if (!cfg) return;
  const choices: Choices = {};
  for (const cat of cfg.categories) choices[cat.id] = cat.required || c[cat.id] === true;
  if (method === 'custom' && stored && cfg.categories.some((cat) => stored!.c[cat.id] && !choices[cat.id]))
    method = 'withdraw';
  const s: Stored = {
    v: visitorId,
    p: cfg.policyVersion,
    h: cfg.textHash,
    c: choices,
    t: new Date().toISOString(),
  };
  stored = s;
  writeStored(s, 365);
  hideBar();
  asking = false;
  apply(choices);
  const { policyVersion, textHash } = cfg;
  sendProof(cfg.proofUrl, { visitorId, policyVersion, lang, textHash, choices, method, gpc, decidedAt: s.t });
}

const all = (value: (gpcCategory: boolean) => boolean): Choices => {
  const c: Choices = {};
  for (const cat of cfg!.categories) c[cat.id] = value(cat.gpc);
  return c;
};
const actions = {
  // with a GPC signal, "accept all" leaves the categories GPC refuses refused; only ticking them grants them
  all: () =>
    decide(
      all((g) => !(gpc && g)),
      gpc ? 'gpc' : 'accept_all',
    ),
  none: () =>
    decide(
      all(() => false),
      'reject_all',
    ),
  save: (c: Choices) => decide(c, 'custom'),
};

function show(): void {
  if (cfg && granted) openDialog(cfg, granted, actions);
  else wantDialog = true;
}

function start(config: WidgetConfig): void {
  cfg = config;
  const s = stored;
  if (s && s.p === config.policyVersion && config.categories.every((c) => typeof s.c[c.id] === 'boolean'))
    apply(s.c);
  else {
    // nothing is stored as refused without a question: until the visitor answers, only required ones run
    const c: Choices = {};
    for (const cat of config.categories) c[cat.id] = cat.required;
    apply(c, false);
    asking = true;
    showBar(config, actions, show);
  }
  // an empty settings link on the page gets the register's words for it
  for (const el of document.querySelectorAll('[data-amanat-settings]'))
    if (!el.textContent!.trim()) el.textContent = config.texts.settingsLink;
  if (wantDialog) show();
}

document.addEventListener('click', (e) => {
  const t = e.target;
  if (t instanceof Element && t.closest('[data-amanat-settings]')) {
    e.preventDefault();
    show();
  }
});

window.amanat = {
  onConsent(cat: string, fn: () => void): void {
    if (ok(cat)) fn();
    else waiting.set(cat, [...(waiting.get(cat) || []), fn]);
  },
  show,
  get: () =>
    stored && !asking ? { visitorId: stored.v, policyVersion: stored.p, choices: { ...stored.c } } : null,
};

const css = h('link');
css.rel = 'stylesheet';
css.href = `${server}/widget.css`;
const cssReady = new Promise((resolve) => {
  css.onload = css.onerror = resolve;
});
document.head.append(css);

void flush();
fetch(`${server}/api/widget/config?lang=${lang}`, { credentials: 'omit' })
  .then((r) => (r.ok ? (r.json() as Promise<WidgetConfig>) : Promise.reject(r.status)))
  .then((config) => cssReady.then(() => start(config)))
  .catch(() => {
    // no config: a stored choice still stands; without one everything stays blocked
    if (!cfg && stored) apply(stored.c);
  });
