import type { Catalog } from '../shared/i18n.js';

export type ConsoleKey = 'title';

export const consoleMessages: Catalog<ConsoleKey> = {
  ru: { title: 'Консоль ответственного лица' },
  kk: { title: 'Жауапты тұлғаның консолі' },
  en: { title: 'Responsible person’s console' },
};
