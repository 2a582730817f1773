import '@mantine/core/styles.css';
import { Container, MantineProvider, Text, Title } from '@mantine/core';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContext, initialLang, type Lang, rememberLang, translator, useI18n } from '../shared/i18n.js';
import { styleNonce } from '../shared/nonce.js';
import { type CentreKey, centreMessages } from './messages.js';

function Home() {
  const { t } = useI18n<CentreKey>();
  return (
    <Container size="sm" py="xl">
      <Title order={1}>{t('title')}</Title>
      <Text mt="sm">{t('intro')}</Text>
    </Container>
  );
}

function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const i18n = useMemo(
    () => ({
      lang,
      t: translator(centreMessages, lang),
      setLang: (next: Lang) => {
        rememberLang(next);
        setLangState(next);
      },
    }),
    [lang],
  );
  return (
    <MantineProvider getStyleNonce={styleNonce}>
      <I18nContext.Provider value={i18n}>
        <Home />
      </I18nContext.Provider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
