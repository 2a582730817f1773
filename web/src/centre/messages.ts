import type { Catalog } from '../shared/i18n.js';

export type CentreKey = 'title' | 'intro';

export const centreMessages: Catalog<CentreKey> = {
  ru: {
    title: 'Центр конфиденциальности',
    intro: 'Политика, запросы о ваших персональных данных и согласия.',
  },
  kk: { title: 'Құпиялылық орталығы', intro: 'Саясат, дербес деректеріңіз туралы сұраулар және келісімдер.' },
  en: { title: 'Privacy centre', intro: 'The policy, requests about your personal data, and your consents.' },
};
