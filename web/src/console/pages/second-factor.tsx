// The signed-in person's second factor: enrol an authenticator app (the secret and its otpauth link, entered by
// hand or opened on the phone), confirm it with a current code; replacing an enrolled one asks for the password
// and a current code, as the API requires.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiFailure, unwrap } from '../../shared/api.js';
import { api, useMe } from '../api.js';
import { ErrorAlert, useT } from '../ui.js';

export function SecondFactorCard() {
  const { t } = useT();
  const me = useMe();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const [current, setCurrent] = useState('');
  const [code, setCode] = useState('');
  const enrolled = me.data?.staff.totpEnabled ?? false;
  const setup = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/auth/totp/setup', {
          body: enrolled ? { password, code: current } : {},
        }),
      ),
  });
  const confirm = useMutation({
    mutationFn: async () => {
      const result = await api.POST('/api/auth/totp/confirm', { body: { code } });
      if (!result.response.ok) throw new ApiFailure(result.response.status, result.error);
    },
    onSuccess: () => {
      setup.reset();
      setCode('');
      return client.invalidateQueries({ queryKey: ['me'] });
    },
  });
  return (
    <Card withBorder component="section" aria-label={t('secondFactor')}>
      <Group mb="sm">
        <Title order={2} size="h4">
          {t('secondFactor')}
        </Title>
        <Badge variant="filled" color={enrolled ? '#1b6e35' : 'red.9'}>
          {enrolled ? t('totpOn') : t('totpOff')}
        </Badge>
      </Group>
      {!setup.data && (
        <Stack>
          {enrolled && (
            <Group align="end">
              <PasswordInput
                label={t('password')}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <TextInput
                label={t('totpCode')}
                inputMode="numeric"
                value={current}
                onChange={(e) => setCurrent(e.currentTarget.value.trim())}
              />
            </Group>
          )}
          <ErrorAlert error={setup.error} />
          <Group>
            <Button variant="light" onClick={() => setup.mutate()} loading={setup.isPending}>
              {enrolled ? t('totpReplace') : t('totpEnrol')}
            </Button>
          </Group>
        </Stack>
      )}
      {setup.data && (
        <Stack>
          <Text size="sm">{t('totpScan')}</Text>
          <Code block>{setup.data.secret}</Code>
          <Anchor href={setup.data.url} size="sm">
            {t('totpOpenLink')}
          </Anchor>
          <Group align="end">
            <TextInput
              label={t('totpCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.trim())}
            />
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
              {t('confirm')}
            </Button>
          </Group>
          <ErrorAlert error={confirm.error} />
        </Stack>
      )}
    </Card>
  );
}
