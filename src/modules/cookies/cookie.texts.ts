// The banner's words in the three languages, where the register gives none (the register's cookies.banner
// overrides the title and the text), and a cookie's lifetime in words.
import type { Lang } from '../register/register.retention.js';
import type { CookieLifetime } from '../register/register.schema.js';

export interface BannerTexts {
  title: string;
  text: string;
  acceptAll: string;
  rejectAll: string;
  settings: string;
  save: string;
  close: string;
  settingsLink: string;
  alwaysOn: string;
  policyLink: string;
  /** "{vendor}" and "{category}" are replaced by the widget. */
  placeholder: string;
  loadOnce: string;
  allowCategory: string;
}

export const defaultBannerTexts: Record<Lang, BannerTexts> = {
  ru: {
    title: 'Мы используем файлы cookie',
    text:
      'Необходимые файлы cookie нужны для работы сайта. Аналитические и маркетинговые мы включим только с вашего ' +
      'согласия; выбор можно изменить в любой момент по ссылке «Настройки cookie».',
    acceptAll: 'Принять все',
    rejectAll: 'Отклонить все',
    settings: 'Настроить',
    save: 'Сохранить выбор',
    close: 'Закрыть',
    settingsLink: 'Настройки cookie',
    alwaysOn: 'Всегда включены',
    policyLink: 'Политика конфиденциальности',
    placeholder: 'Этот контент загружает {vendor} и требует согласия на «{category}».',
    loadOnce: 'Загрузить один раз',
    allowCategory: 'Разрешить категорию',
  },
  kk: {
    title: 'Біз cookie файлдарын пайдаланамыз',
    text:
      'Қажетті cookie файлдары сайттың жұмысына қажет. Аналитикалық және маркетингтік cookie файлдарын тек ' +
      'сіздің келісіміңізбен қосамыз; таңдауды кез келген уақытта «Cookie баптаулары» сілтемесі арқылы өзгертуге болады.',
    acceptAll: 'Барлығын қабылдау',
    rejectAll: 'Барлығынан бас тарту',
    settings: 'Баптау',
    save: 'Таңдауды сақтау',
    close: 'Жабу',
    settingsLink: 'Cookie баптаулары',
    alwaysOn: 'Әрқашан қосулы',
    policyLink: 'Құпиялылық саясаты',
    placeholder: 'Бұл мазмұнды {vendor} жүктейді және «{category}» санатына келісім қажет.',
    loadOnce: 'Бір рет жүктеу',
    allowCategory: 'Санатқа рұқсат беру',
  },
  en: {
    title: 'We use cookies',
    text:
      'Strictly necessary cookies keep the website working. We turn on analytics and marketing cookies only with ' +
      'your consent; you can change your choice at any time through the "Cookie settings" link.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    settings: 'Customise',
    save: 'Save my choice',
    close: 'Close',
    settingsLink: 'Cookie settings',
    alwaysOn: 'Always on',
    policyLink: 'Privacy policy',
    placeholder: 'This content is loaded by {vendor} and needs consent to "{category}".',
    loadOnce: 'Load once',
    allowCategory: 'Allow the category',
  },
};

const lifetimeWords: Record<Lang, { session: string; months: string; days: string }> = {
  ru: { session: 'до закрытия браузера', months: 'мес.', days: 'дн.' },
  kk: { session: 'браузер жабылғанша', months: 'ай', days: 'күн' },
  en: { session: 'until the browser is closed', months: 'months', days: 'days' },
};

/** "24 мес.", "90 дн.", "до закрытия браузера". */
export function lifetimeText(lifetime: CookieLifetime, lang: Lang): string {
  const w = lifetimeWords[lang];
  if (lifetime === 'session') return w.session;
  return 'months' in lifetime ? `${lifetime.months} ${w.months}` : `${lifetime.days} ${w.days}`;
}

/** Days a cookie lives (a month as 365/12 days: 12 months are 365 days), null for a session cookie. */
export function lifetimeDays(lifetime: CookieLifetime): number | null {
  if (lifetime === 'session') return null;
  return 'months' in lifetime ? Math.round((lifetime.months * 365) / 12) : lifetime.days;
}

/** A pattern of cookie names as a reader knows it: '^_ga_.+$' is '_ga_*'; any other expression as written. */
export function readablePattern(pattern: string): string {
  const prefix = /^\^([A-Za-z0-9_-]+)\.[+*]\$$/.exec(pattern);
  return prefix ? `${prefix[1]}*` : pattern;
}
