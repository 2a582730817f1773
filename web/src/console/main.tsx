import '@mantine/core/styles.css';
import {
  AppShell,
  Burger,
  Button,
  type CSSVariablesResolver,
  createTheme,
  Group,
  MantineProvider,
  Modal,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContext, initialLang, type Lang, languages, rememberLang, translator } from '../shared/i18n.js';
import { styleNonce } from '../shared/nonce.js';
import { linkClick, match, navigate, usePath } from '../shared/router.js';
import { api, useMe } from './api.js';
import { type ConsoleKey, consoleMessages } from './messages.js';
import { AccessListPage } from './pages/access-list.js';
import { AuditPage } from './pages/audit.js';
import { CookiesPage } from './pages/cookies.js';
import { ConsentsPage, DisclosuresPage } from './pages/journal.js';
import { PolicyPage, RegisterPage } from './pages/policy.js';
import { RequestPage } from './pages/request.js';
import { RequestsPage } from './pages/requests.js';
import { RetentionPage } from './pages/retention.js';
import { ResetPage, SignInPage } from './pages/sign-in.js';
import { KeysPage, RolesPage, StaffPage } from './pages/staff.js';
import { SubjectPage, SubjectsPage } from './pages/subjects.js';
import { TodayPage } from './pages/today.js';
import { Loading, useT } from './ui.js';

// AA contrast on white: the primary colour at shade 8, dimmed text at gray 7, and the light variants' text (light
// buttons, badges, alerts) at shade 9 of each colour or darker.
// Dialogs do not lock the page's scroll: the lock injects a <style> element without the CSP nonce.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  components: { Modal: Modal.extend({ defaultProps: { lockScroll: false } }) },
});
const colours = ['blue', 'red', 'orange', 'green', 'gray', 'dark'];
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      colours.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`]),
    ),
    // Mantine's orange 9 and green 9 fall just short of 4.5:1 on their light backgrounds.
    '--mantine-color-orange-light-color': '#a14100',
    '--mantine-color-green-light-color': '#1b6e35',
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

const sections: { path: string; key: ConsoleKey }[] = [
  { path: '/console', key: 'navToday' },
  { path: '/console/requests', key: 'navRequests' },
  { path: '/console/subjects', key: 'navSubjects' },
  { path: '/console/register', key: 'navRegister' },
  { path: '/console/policy', key: 'navPolicy' },
  { path: '/console/consents', key: 'navConsents' },
  { path: '/console/disclosures', key: 'navDisclosures' },
  { path: '/console/retention', key: 'navRetention' },
  { path: '/console/access-list', key: 'navAccessList' },
  { path: '/console/staff', key: 'navStaff' },
  { path: '/console/roles', key: 'navRoles' },
  { path: '/console/keys', key: 'navKeys' },
  { path: '/console/audit', key: 'navAudit' },
  { path: '/console/cookies', key: 'navCookies' },
];

function Page({ path }: { path: string }) {
  const { t } = useT();
  const clean = path.replace(/\/+$/, '') || '/console';
  let params = match('/console/requests/:id', clean);
  if (params) return <RequestPage id={params.id!} />;
  params = match('/console/subjects/:id', clean);
  if (params) return <SubjectPage id={params.id!} />;
  switch (clean) {
    case '/console':
      return <TodayPage />;
    case '/console/requests':
      return <RequestsPage />;
    case '/console/subjects':
      return <SubjectsPage />;
    case '/console/register':
      return <RegisterPage />;
    case '/console/policy':
      return <PolicyPage />;
    case '/console/consents':
      return <ConsentsPage />;
    case '/console/disclosures':
      return <DisclosuresPage />;
    case '/console/retention':
      return <RetentionPage />;
    case '/console/access-list':
      return <AccessListPage />;
    case '/console/staff':
      return <StaffPage />;
    case '/console/roles':
      return <RolesPage />;
    case '/console/keys':
      return <KeysPage />;
    case '/console/audit':
      return <AuditPage />;
    case '/console/cookies':
      return <CookiesPage />;
    default:
      return <Title order={1}>{t('notFound')}</Title>;
  }
}

function LangSwitch() {
  const { lang, setLang, t } = useT();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={lang}
      onChange={(value) => setLang(value as Lang)}
      data={languages.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}

function Shell() {
  const { t } = useT();
  const path = usePath();
  const me = useMe();
  const client = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();
  useEffect(() => {
    document.title = `Amanat — ${t('title')}`;
  }, [t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the mobile menu closes whenever the page changes.
  useEffect(close, [path]);

  if (path.replace(/\/+$/, '') === '/console/reset') return <ResetPage />;
  if (me.isPending) return <Loading />;
  if (!me.data) return <SignInPage />;

  const signOut = async () => {
    await api.POST('/api/auth/sign-out');
    client.clear();
    navigate('/console');
  };
  const active = (section: string) =>
    section === '/console' ? path.replace(/\/+$/, '') === '/console' : path.startsWith(section);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('menu')}
              aria-expanded={opened}
            />
            <Text fw={700} component="span">
              Amanat
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md" component="span">
              {me.data.staff.fullName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LangSwitch />
            <Button size="xs" variant="default" onClick={signOut}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('menu')}>
        <ScrollArea>
          {sections.map((s) => (
            <NavLink
              key={s.path}
              href={s.path}
              label={t(s.key)}
              active={active(s.path)}
              aria-current={active(s.path) ? 'page' : undefined}
              onClick={linkClick}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Page path={path} />
      </AppShell.Main>
    </AppShell>
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
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={resolver} getStyleNonce={styleNonce}>
      <QueryClientProvider client={queryClient}>
        <I18nContext.Provider value={i18n}>
          <Shell />
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
