import './styles.ts';
import { Anchor, Container, Group, Image, MantineProvider, NativeSelect, Text } from '@mantine/core';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  I18nContext,
  initialLang,
  type Lang,
  languages,
  rememberLang,
  translator,
  useI18n,
} from '../shared/i18n.js';
import { styleNonce } from '../shared/nonce.js';
import { linkClick, match, usePath } from '../shared/router.js';
import { type Branding, type CentreRequestType, centreApi, centreRequestTypes } from './contract.js';
import { type CentreKey, centreMessages } from './messages.js';
import { ConsentsPage } from './pages/ConsentsPage.js';
import { HomePage } from './pages/HomePage.js';
import { RequestPage } from './pages/RequestPage.js';
import { StatusPage } from './pages/StatusPage.js';
import { VersionsPage } from './pages/VersionsPage.js';
import { brandTheme } from './theme.js';

const languageNames: Record<Lang, string> = { ru: 'Русский', kk: 'Қазақша', en: 'English' };

function Page({ branding }: { branding: Branding | null }) {
  const { t } = useI18n<CentreKey>();
  const path = usePath();
  const request = match('/requests/new/:type', path);
  if (path === '/' || path === '') return <HomePage branding={branding} />;
  if (path === '/policy-versions') return <VersionsPage />;
  if (path === '/requests/status') return <StatusPage />;
  if (path === '/consents') return <ConsentsPage />;
  if (request && (centreRequestTypes as readonly string[]).includes(request.type!))
    return <RequestPage key={request.type} type={request.type as CentreRequestType} />;
  return (
    <Text role="alert">
      {t('notFound')}{' '}
      <Anchor href="/" onClick={linkClick}>
        {t('back')}
      </Anchor>
    </Text>
  );
}

function Header({ branding }: { branding: Branding | null }) {
  const { t, lang, setLang } = useI18n<CentreKey>();
  const operator = branding?.operatorName[lang] ?? '';
  return (
    <header className="centre-header">
      <Container size="md" py="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Anchor href="/" onClick={linkClick} underline="never" c="inherit">
            <Group gap="sm" wrap="nowrap">
              {branding?.logoUrl ? <Image src={branding.logoUrl} alt="" h={32} w="auto" /> : null}
              <span>
                <Text fw={700} size="lg" component="span" display="block">
                  {operator}
                </Text>
                <Text size="sm" component="span" display="block" c="gray.7">
                  {t('title')}
                </Text>
              </span>
            </Group>
          </Anchor>
          <NativeSelect
            label={t('language')}
            size="xs"
            value={lang}
            onChange={(event) => setLang(event.currentTarget.value as Lang)}
            data={languages.map((value) => ({ value, label: languageNames[value] }))}
          />
        </Group>
      </Container>
    </header>
  );
}

function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [branding, setBranding] = useState<Branding | null>(null);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    centreApi.branding().then(setBranding, () => setBranding(null));
  }, []);
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
  const theme = useMemo(() => brandTheme(branding?.primaryColor), [branding?.primaryColor]);
  useEffect(() => {
    const operator = branding?.operatorName[lang];
    document.title = operator ? `${i18n.t('title')} — ${operator}` : i18n.t('title');
  }, [branding, lang, i18n]);
  return (
    <MantineProvider theme={theme} getStyleNonce={styleNonce}>
      <I18nContext.Provider value={i18n}>
        <a className="skip-link" href="#main">
          {i18n.t('skip')}
        </a>
        <Header branding={branding} />
        <Container size="md" py="lg" component="main" id="main" tabIndex={-1}>
          <Page branding={branding} />
        </Container>
      </I18nContext.Provider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
