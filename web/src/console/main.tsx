import '@mantine/core/styles.css';
import { Container, MantineProvider, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContext, initialLang, type Lang, rememberLang, translator, useI18n } from '../shared/i18n.js';
import { styleNonce } from '../shared/nonce.js';
import { type ConsoleKey, consoleMessages } from './messages.js';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

function Home() {
  const { t } = useI18n<ConsoleKey>();
  return (
    <Container py="xl">
      <Title order={1}>{t('title')}</Title>
    </Container>
  );
}

function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const i18n = useMemo(
    () => ({
      lang,
      t: translator(consoleMessages, lang),
      setLang: (next: Lang) => {
        rememberLang(next);
        setLangState(next);
      },
    }),
    [lang],
  );
  return (
    <MantineProvider getStyleNonce={styleNonce}>
      <QueryClientProvider client={queryClient}>
        <I18nContext.Provider value={i18n}>
          <Home />
        </I18nContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
