// The bottom bar and the preferences dialog (native <dialog> shown modal, with its own focus trap).
import { button, h, whenBody } from './dom';
import type { Choices, WidgetConfig } from './types';

export interface UiActions {
  all(): void;
  none(): void;
  save(choices: Choices): void;
}

let bar: HTMLElement | null = null;

export function showBar(cfg: WidgetConfig, act: UiActions, openDialog: () => void): void {
  hideBar();
  const t = cfg.texts;
  const el = h('section', 'amanat amanat-bar');
  el.lang = cfg.lang;
  el.setAttribute('aria-label', t.title);
  const p = h('p', 'amanat-t');
  const link = h('a', '', t.policyLink);
  link.href = cfg.policyUrl;
  p.append(h('strong', '', t.title), ' ', t.text, ' ', link);
  const bs = h('div', 'amanat-bs');
  bs.append(
    button(t.acceptAll, act.all),
    button(t.rejectAll, act.none),
    button(t.settings, openDialog, 'amanat-btn amanat-2'),
  );
  el.append(p, bs);
  bar = el;
  whenBody(() => bar === el && document.body.prepend(el));
}

export function hideBar(): void {
  bar?.remove();
  bar = null;
}

const FOCUSABLE = 'button,input:not(:disabled)';

/** Opens the preferences; `granted` says which boxes start ticked. Focus returns to where it was on close. */
export function openDialog(cfg: WidgetConfig, granted: Choices, act: UiActions): void {
  if (document.querySelector('.amanat-dlg')) return;
  const t = cfg.texts;
  const back = document.activeElement as HTMLElement | null;
  const dlg = h('dialog', 'amanat amanat-dlg');
  dlg.lang = cfg.lang;
  dlg.setAttribute('aria-modal', 'true');
  dlg.setAttribute('aria-labelledby', 'amanat-h');
  const title = h('h2', '', t.settingsLink);
  title.id = 'amanat-h';
  const close = (): void => dlg.close();
  // Escape closes the modal dialog natively; every way of closing ends here
  dlg.onclose = () => {
    dlg.remove();
    back?.focus?.();
  };
  const x = button('×', close, 'amanat-x');
  x.setAttribute('aria-label', t.close);
  dlg.append(title, x, h('p', '', t.text));
  const boxes: Record<string, HTMLInputElement> = {};
  for (const c of cfg.categories) {
    const box = h('input');
    box.type = 'checkbox';
    box.checked = c.required || granted[c.id] === true;
    box.disabled = c.required;
    boxes[c.id] = box;
    const label = h('label');
    label.append(box, h('span', '', c.name));
    if (c.required) label.append(h('small', '', t.alwaysOn));
    const list = h('ul');
    for (const k of c.cookies)
      list.append(h('li', '', `${k.name || k.label} · ${k.provider} · ${k.lifetime} — ${k.description}`));
    const div = h('div', 'amanat-cat');
    div.append(label, h('p', '', c.description), list);
    dlg.append(div);
  }
  const done = (fn: () => void) => () => {
    close();
    fn();
  };
  const bs = h('div', 'amanat-bs');
  bs.append(
    button(t.acceptAll, done(act.all)),
    button(t.rejectAll, done(act.none)),
    button(
      t.save,
      done(() => {
        const c: Choices = {};
        for (const id in boxes) c[id] = boxes[id]!.checked;
        act.save(c);
      }),
      'amanat-btn amanat-2',
    ),
  );
  dlg.append(bs);
  dlg.addEventListener('keydown', (e) => {
    if (e.key === 'Tab') {
      const all = dlg.querySelectorAll<HTMLElement>(FOCUSABLE);
      const first = all[0]!;
      const last = all[all.length - 1]!;
      const at = document.activeElement;
      if (e.shiftKey ? at === first || !dlg.contains(at) : at === last) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      }
    }
  });
  document.body.append(dlg);
  dlg.showModal();
  x.focus();
}
