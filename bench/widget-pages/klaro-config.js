// klaro 0.7: its documented set-up (a global klaroConfig before klaro.js), three purposes, Russian only.
window.klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 365,
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  hideLearnMore: false,
  groupByPurpose: true,
  htmlTexts: false,
  lang: 'ru',
  translations: {
    ru: {
      privacyPolicyUrl: '/policy',
      consentNotice: {
        description:
          'Необходимые cookie нужны для работы сайта. Аналитические и маркетинговые мы включим только с вашего согласия.',
        learnMore: 'Настроить',
      },
      consentModal: { title: 'Настройки cookie', description: 'Выберите, какие cookie разрешить.' },
      privacyPolicy: { name: 'политика конфиденциальности', text: 'Подробнее: {privacyPolicy}.' },
      ok: 'Принять все',
      acceptAll: 'Принять все',
      acceptSelected: 'Сохранить',
      decline: 'Отклонить все',
      close: 'Закрыть',
      save: 'Сохранить',
      service: { required: { title: '(всегда)', description: 'Всегда включено.' } },
      purposes: { necessary: 'Необходимые', analytics: 'Аналитика', marketing: 'Маркетинг' },
      necessary: { title: 'Сессия сайта', description: 'Сессия и ваш выбор cookie.' },
      analytics: { title: 'Аналитика', description: 'Google Analytics и Яндекс Метрика.' },
      marketing: { title: 'Маркетинг', description: 'Пиксель VK и Google Ads.' },
    },
  },
  services: [
    { name: 'necessary', purposes: ['necessary'], required: true },
    { name: 'analytics', purposes: ['analytics'] },
    { name: 'marketing', purposes: ['marketing'] },
  ],
};
