// Staff sign-in: e-mail and password, then the authenticator's code when the account has a second factor;
// a password-reset request, and the page the reset letter links to.
import {
  Anchor,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiFailure, unwrap } from '../../shared/api.js';
import { navigate } from '../../shared/router.js';
import { api } from '../api.js';
import { ErrorAlert, useT } from '../ui.js';

export function SignInPage() {
  const { t } = useT();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<'sign-in' | 'reset' | 'reset-sent'>('sign-in');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.POST('/api/auth/sign-in', {
        body: { email, password, ...(needsCode && totp ? { totp } : {}) },
      });
      const code = (result.error as { error?: { code?: string } } | undefined)?.error?.code;
      if (code === 'second_factor_required' && !needsCode) {
        setNeedsCode(true);
        return;
      }
      unwrap(result);
      await client.invalidateQueries();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const requestReset = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      unwrap(await api.POST('/api/auth/password-reset', { body: { email } }));
      setMode('reset-sent');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} size="h2" mb="md">
        {t('signInTitle')}
      </Title>
      <Paper withBorder p="lg" radius="md">
        {mode === 'sign-in' && (
          <form onSubmit={submit} aria-label={t('signInTitle')}>
            <Stack>
              <TextInput
                label={t('email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              {needsCode && (
                <TextInput
                  label={t('totpCode')}
                  description={t('totpHint')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  required
                  autoFocus
                  value={totp}
                  onChange={(e) => setTotp(e.currentTarget.value.trim())}
                />
              )}
              <ErrorAlert error={error} />
              <Button type="submit" loading={busy}>
                {t('signIn')}
              </Button>
              <Anchor component="button" type="button" size="sm" onClick={() => setMode('reset')}>
                {t('forgotPassword')}
              </Anchor>
            </Stack>
          </form>
        )}
        {mode === 'reset' && (
          <form onSubmit={requestReset}>
            <Stack>
              <Text size="sm">{t('resetHint')}</Text>
              <TextInput
                label={t('email')}
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <ErrorAlert error={error} />
              <Button type="submit" loading={busy}>
                {t('sendResetLink')}
              </Button>
              <Anchor component="button" type="button" size="sm" onClick={() => setMode('sign-in')}>
                {t('backToSignIn')}
              </Anchor>
            </Stack>
          </form>
        )}
        {mode === 'reset-sent' && (
          <Stack>
            <Text role="status">{t('resetSent')}</Text>
            <Anchor component="button" type="button" size="sm" onClick={() => setMode('sign-in')}>
              {t('backToSignIn')}
            </Anchor>
          </Stack>
        )}
      </Paper>
    </Container>
  );
}

/** The reset letter's link: /console/reset?token=…; the token leaves the address bar at once. */
export function ResetPage() {
  const { t } = useT();
  const [token] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    const value = params.get('token') ?? window.location.hash.slice(1);
    window.history.replaceState(null, '', '/console/reset');
    return value;
  });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await api.POST('/api/auth/password-reset/confirm', { body: { token, password } });
      if (!result.response.ok) throw new ApiFailure(result.response.status, result.error);
      setDone(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} size="h2" mb="md">
        {t('newPassword')}
      </Title>
      {done ? (
        <Stack>
          <Text role="status">{t('passwordChanged')}</Text>
          <Button onClick={() => navigate('/console')}>{t('signIn')}</Button>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <PasswordInput
              label={t('newPassword')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <ErrorAlert error={error} />
            <Button type="submit">{t('save')}</Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
