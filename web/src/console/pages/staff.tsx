// Staff accounts, roles (purposes and actions) and API keys; a new key's token is shown once.
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { unwrap } from '../../shared/api.js';
import { api, useRegister } from '../api.js';
import { ErrorAlert, Loading, Scroll, useDates, useT } from '../ui.js';
import { SecondFactorCard } from './second-factor.js';

export function StaffPage() {
  const { t } = useT();
  const client = useQueryClient();
  const staff = useQuery({ queryKey: ['staff'], queryFn: async () => unwrap(await api.GET('/api/staff')) });
  const [form, setForm] = useState({ email: '', fullName: '', position: '', isHead: false, isAdmin: false });
  const add = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/staff', {
          body: {
            email: form.email,
            fullName: form.fullName,
            ...(form.position ? { position: form.position } : {}),
            isHead: form.isHead,
            isAdmin: form.isAdmin,
          },
        }),
      ),
    onSuccess: () => {
      setForm({ email: '', fullName: '', position: '', isHead: false, isAdmin: false });
      return client.invalidateQueries({ queryKey: ['staff'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Stack>
      <Title order={1}>{t('navStaff')}</Title>
      <SecondFactorCard />
      <ErrorAlert error={staff.error} />
      {staff.isPending && <Loading />}
      {staff.data && (
        <Scroll minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('email')}</Table.Th>
                <Table.Th>{t('position')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>TOTP</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {staff.data.staff.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.fullName}{' '}
                    {s.isHead && (
                      <Badge size="xs" variant="filled">
                        {t('head')}
                      </Badge>
                    )}{' '}
                    {s.isAdmin && (
                      <Badge size="xs" variant="filled" color="gray">
                        {t('admin')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{s.email}</Table.Td>
                  <Table.Td>{s.position ?? '—'}</Table.Td>
                  <Table.Td>{s.status}</Table.Td>
                  <Table.Td>{s.totpEnabled ? t('yes') : t('no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      <Card withBorder component="section" aria-label={t('addStaff')}>
        <form onSubmit={submit}>
          <Stack>
            <Title order={2} size="h4">
              {t('addStaff')}
            </Title>
            <Group align="end">
              <TextInput
                label={t('email')}
                type="email"
                required
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
              />
              <TextInput
                label={t('name')}
                required
                value={form.fullName}
                onChange={(e) => setForm({ ...form, fullName: e.currentTarget.value })}
              />
              <TextInput
                label={t('position')}
                value={form.position}
                onChange={(e) => setForm({ ...form, position: e.currentTarget.value })}
              />
            </Group>
            <Group>
              <Checkbox
                label={t('head')}
                checked={form.isHead}
                onChange={(e) => setForm({ ...form, isHead: e.currentTarget.checked })}
              />
              <Checkbox
                label={t('admin')}
                checked={form.isAdmin}
                onChange={(e) => setForm({ ...form, isAdmin: e.currentTarget.checked })}
              />
            </Group>
            <ErrorAlert error={add.error} />
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

export function RolesPage() {
  const { t, lang } = useT();
  const register = useRegister();
  const roles = useQuery({ queryKey: ['roles'], queryFn: async () => unwrap(await api.GET('/api/roles')) });
  return (
    <Stack>
      <Title order={1}>{t('navRoles')}</Title>
      <ErrorAlert error={roles.error} />
      {roles.isPending && <Loading />}
      {roles.data && roles.data.roles.length === 0 && <Text c="dimmed">{t('nothing')}</Text>}
      {roles.data?.roles.map((r) => (
        <Card withBorder key={r.id}>
          <Text fw={600}>
            {r.name} <Code>{r.id}</Code>
          </Text>
          {r.description && <Text size="sm">{r.description}</Text>}
          <Text size="sm">
            {t('purposes')}:{' '}
            {r.purposes.map((p) => register.data?.purposeTitle(p, lang) ?? p).join('; ') || '—'}
          </Text>
          <Text size="sm">
            {t('actionsList')}: {r.actions.join(', ') || '—'}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

export function KeysPage() {
  const { t } = useT();
  const dates = useDates();
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['keys'], queryFn: async () => unwrap(await api.GET('/api/keys')) });
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/keys', { body: { name } })),
    onSuccess: () => {
      setName('');
      return client.invalidateQueries({ queryKey: ['keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: async (keyId: string) =>
      unwrap(await api.DELETE('/api/keys/{keyId}', { params: { path: { keyId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['keys'] }),
  });
  return (
    <Stack>
      <Title order={1}>{t('navKeys')}</Title>
      <ErrorAlert error={keys.error ?? revoke.error} />
      {keys.isPending && <Loading />}
      {keys.data && (
        <Scroll minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('scopes')}</Table.Th>
                <Table.Th>{t('created')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.keys.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{k.scopes.join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>{dates.date(k.createdAt)}</Table.Td>
                  <Table.Td>
                    {k.revokedAt ? (
                      t('revokedOn', { date: dates.date(k.revokedAt) })
                    ) : (
                      <Button size="xs" color="red" variant="light" onClick={() => revoke.mutate(k.id)}>
                        {t('revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      <Card withBorder component="section" aria-label={t('newKey')}>
        <Group align="end">
          <TextInput
            label={t('newKey')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button onClick={() => create.mutate()} disabled={!name} loading={create.isPending}>
            {t('add')}
          </Button>
        </Group>
        <ErrorAlert error={create.error} />
        {create.data && (
          <Stack gap={4} mt="sm" role="status">
            <Text size="sm">{t('tokenOnce')}</Text>
            <Code block>{create.data.token}</Code>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
