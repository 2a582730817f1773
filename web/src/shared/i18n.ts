// Translations: RU (default), KK, EN. Each app keeps its own catalog (the privacy centre stays light); a message is a
// string with {name} placeholders, or plural forms chosen by Intl.PluralRules (Kazakh included: one/other).
import { createContext, useContext } from 'react';

export const languages = ['ru', 'kk', 'en'] as const;
export type Lang = (typeof languages)[number];

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | Plural;
export type Catalog<K extends string> = Record<Lang, Record<K, Message>>;

const LANG_KEY = 'amanat.lang';

/** The language: ?lang= in the address, then the one chosen before, then the browser's, then Russian. */
export function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  const saved = window.localStorage.getItem(LANG_KEY);
  for (const candidate of [fromUrl, saved, ...navigator.languages.map((l) => l.slice(0, 2))]) {
    if (candidate && (languages as readonly string[]).includes(candidate)) return candidate as Lang;
  }
  return 'ru';
}

/** Remembers the choice (not personal data) and sets <html lang>. */
export function rememberLang(lang: Lang): void {
  window.localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
}

export function translator<K extends string>(catalog: Catalog<K>, lang: Lang) {
  const rules = new Intl.PluralRules(lang);
  return (key: K, values: Record<string, string | number> = {}): string => {
    const message = catalog[lang][key] ?? catalog.ru[key];
    const text =
      typeof message === 'string'
        ? message
        : (message[rules.select(Number(values.count ?? 0))] ?? message.other);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
}

/** Dates and times in the operator's time zone (from the server), in the page's language. */
export function formatDate(value: string | Date, lang: Lang, timeZone?: string, withTime = false): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
  return new Intl.DateTimeFormat(lang === 'kk' ? 'kk-KZ' : lang === 'en' ? 'en-GB' : 'ru-RU', {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

export interface I18n<K extends string> {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: K, values?: Record<string, string | number>) => string;
}

// biome-ignore lint/suspicious/noExplicitAny: each app narrows it with its own key type through useI18n<K>().
export const I18nContext = createContext<I18n<any> | null>(null);

export function useI18n<K extends string>(): I18n<K> {
  const value = useContext(I18nContext);
  if (!value) throw new Error('I18nContext is missing');
  return value as I18n<K>;
}
